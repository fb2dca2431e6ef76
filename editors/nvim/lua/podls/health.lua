-- :checkhealth podls
local M = {}

local function resolved_config()
  -- vim.lsp.config[name] resolves lsp/podls.lua merged with the user's vim.lsp.config('podls', ...)
  local ok, cfg = pcall(function()
    return vim.lsp.config['podls']
  end)
  return ok and cfg or nil, (not ok) and cfg or nil
end

function M.check()
  local h = vim.health
  h.start('podls: Neovim')
  if vim.fn.has('nvim-0.11') == 1 then
    h.ok('Neovim ' .. tostring(vim.version()))
  else
    h.error('Neovim ' .. tostring(vim.version()) .. ' is too old', 'podls.nvim needs Neovim 0.11 or newer')
    return
  end

  h.start('podls: configuration')
  local cfg, err = resolved_config()
  if not cfg then
    h.error('no LSP config named "podls": ' .. tostring(err), 'Put the podls.nvim directory on the runtimepath')
    return
  end
  local enabled = vim.lsp.is_enabled and vim.lsp.is_enabled('podls')
  if enabled then
    h.ok("enabled (vim.lsp.enable('podls'))")
  else
    h.warn('not enabled', { "Call vim.lsp.enable('podls') or require('podls').setup()" })
  end
  h.info('filetypes: ' .. table.concat(cfg.filetypes or {}, ', '))
  h.info('settings: ' .. vim.inspect(cfg.settings or {}, { newline = ' ', indent = '' }))

  h.start('podls: server binary')
  local cmd = cfg.cmd
  if type(cmd) == 'function' then
    h.info('cmd is a function: cannot check the binary')
  elseif type(cmd) ~= 'table' or not cmd[1] then
    h.error('cmd is not set')
  else
    h.info('cmd: ' .. table.concat(cmd, ' '))
    local exe = vim.fn.exepath(cmd[1])
    if exe == '' then
      h.error(('"%s" not found or not executable'):format(cmd[1]), {
        'Install podls: cargo install --git https://github.com/podls/podls podls',
        "Or point to it: vim.lsp.config('podls', { cmd = { '/path/to/podls', '--stdio' } })",
      })
    else
      local ok, res = pcall(function()
        return vim.system({ exe, '--version' }, { text = true }):wait(5000)
      end)
      local out = ok and vim.trim((res.stdout or '') .. (res.stderr or '')) or tostring(res)
      if ok and res.code == 0 and out:match('^podls ') then
        h.ok(('%s: %s'):format(exe, out))
      else
        h.error(('%s --version failed (exit %s): %s'):format(exe, ok and res.code or '?', out))
      end
    end
  end

  h.start('podls: clients')
  -- :checkhealth runs in a new buffer; the buffer it was called from is the alternate one.
  local buf = vim.fn.bufnr('#')
  local clients = vim.lsp.get_clients({ name = 'podls' })
  if #clients == 0 then
    h.info('no podls client is running (it starts when a YAML buffer is opened)')
  end
  for _, c in ipairs(clients) do
    local bufs = vim.tbl_keys(c.attached_buffers)
    table.sort(bufs)
    local names = vim.tbl_map(function(b)
      return ('%d:%s'):format(b, vim.fn.fnamemodify(vim.api.nvim_buf_get_name(b), ':~:.'))
    end, bufs)
    local info = c.server_info or {}
    h.ok(('client %d: %s %s, root %s, attached to %s'):format(
      c.id,
      info.name or c.name,
      info.version or '',
      c.root_dir or '(none)',
      #names > 0 and table.concat(names, ', ') or 'no buffer'
    ))
    h.info(('client %d settings in effect: %s'):format(c.id, vim.inspect(c.settings or {}, { newline = ' ', indent = '' })))
  end
  if buf > 0 and vim.api.nvim_buf_is_valid(buf) and vim.bo[buf].filetype == 'yaml' then
    local attached = #vim.lsp.get_clients({ name = 'podls', bufnr = buf }) > 0
    local name = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':~:.')
    if attached then
      h.ok(('attached to the current buffer %d (%s)'):format(buf, name))
    else
      h.warn(('not attached to the current YAML buffer %d (%s)'):format(buf, name))
    end
  end
  M.check_completion(clients)
end

--- Completion through plain 'omnifunc' inserts bare labels (`ports` without its colon and item); podls's
--- snippets and text edits are applied by vim.lsp.completion or a completion plugin.
--- @param clients vim.lsp.Client[]
function M.check_completion(clients)
  local h = vim.health
  local completion = require('podls.completion')
  h.start('podls: completion')
  local plugin = completion.plugin()
  if plugin then
    h.info(('completion plugin %s is loaded: it applies podls items itself'):format(plugin))
  end
  local checked = 0
  for _, c in ipairs(clients) do
    local bufs = vim.tbl_keys(c.attached_buffers)
    table.sort(bufs)
    for _, b in ipairs(bufs) do
      checked = checked + 1
      local name = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(b), ':~:.')
      if completion.enabled(b) then
        h.ok(('vim.lsp.completion is enabled in buffer %d (%s)'):format(b, name))
      elseif not plugin then
        h.warn(('completion is not enabled for podls in buffer %d (%s): <C-x><C-o> inserts bare labels'):format(b, name), {
          "require('podls').setup() enables it (option completion = true, the default)",
          'or on LspAttach: vim.lsp.completion.enable(true, client_id, bufnr, { autotrigger = true })',
          'see :help podls-completion',
        })
      end
    end
  end
  if checked == 0 then
    h.info('no buffer is attached to podls: open a YAML file to check its completion')
  end
end

return M
