-- podls for Neovim 0.11+.
--
--   require('podls').setup({
--     cmd = { '/path/to/podls', '--stdio' },   -- or server_path = '/path/to/podls'; default: podls on PATH
--     settings = { podls = { locale = 'zh-cn' } },
--     completion = true,                       -- vim.lsp.completion on attach (default); false for a plugin
--   })
--
-- is the same as vim.lsp.config('podls', {...}) followed by vim.lsp.enable('podls'), plus
-- vim.lsp.completion.enable(true, client_id, bufnr, { autotrigger = true }) on LspAttach.
local M = {}

--- @class podls.Opts: vim.lsp.Config
--- @field server_path? string  shorthand for cmd = { server_path, '--stdio' }
--- @field enable? boolean      call vim.lsp.enable('podls') (default true)
--- @field completion? boolean|podls.CompletionOpts  vim.lsp.completion for podls buffers (default true)

--- @param opts? podls.Opts
function M.setup(opts)
  assert(vim.fn.has('nvim-0.11') == 1, 'podls.nvim needs Neovim 0.11 or newer')
  opts = vim.deepcopy(opts or {})
  local enable = opts.enable ~= false
  local completion = opts.completion
  opts.enable, opts.completion = nil, nil
  if opts.server_path then
    opts.cmd = { vim.fn.expand(opts.server_path), '--stdio' }
    opts.server_path = nil
  end
  if next(opts) then
    vim.lsp.config('podls', opts)
  end
  -- Before enable(): the LspAttach handler must exist when the first client attaches.
  require('podls.completion').setup(completion)
  if enable then
    vim.lsp.enable('podls')
  end
end

--- podls clients, optionally only those attached to bufnr.
--- @param bufnr? integer
--- @return vim.lsp.Client[]
function M.clients(bufnr)
  return vim.lsp.get_clients({ name = 'podls', bufnr = bufnr })
end

--- Merges `settings` into settings.podls of the running clients and of future ones, and sends
--- workspace/didChangeConfiguration (the server applies it without a restart), then asks again for the
--- diagnostics of the attached buffers.
--- Example: require('podls').update_settings({ locale = 'zh-cn' })
--- @param settings table
function M.update_settings(settings)
  vim.lsp.config('podls', { settings = { podls = settings } })
  for _, client in ipairs(M.clients()) do
    client.settings = vim.tbl_deep_extend('force', client.settings or {}, { podls = settings })
    client:notify('workspace/didChangeConfiguration', { settings = client.settings })
    -- Neovim 0.11 pulls diagnostics only after an edit and does not take workspace/diagnostic/refresh:
    -- ask again for each attached buffer, so a setting that changes them (kubernetesVersion, rules) shows now.
    if client:supports_method('textDocument/diagnostic') then
      for bufnr in pairs(client.attached_buffers) do
        client:request('textDocument/diagnostic', {
          textDocument = { uri = vim.uri_from_bufnr(bufnr) },
        }, vim.lsp.diagnostic.on_diagnostic, bufnr)
      end
    end
  end
end

--- Stops the podls clients and starts them again for the open YAML buffers.
function M.restart()
  local clients = M.clients()
  local bufs = {}
  for _, c in ipairs(clients) do
    for b in pairs(c.attached_buffers) do
      bufs[#bufs + 1] = b
    end
  end
  vim.lsp.enable('podls', false) -- stops them
  -- wait until they are gone from get_clients() (their exit is handled on the event loop)
  if not vim.wait(3000, function()
    return #M.clients() == 0
  end, 50) then
    for _, c in ipairs(M.clients()) do
      c:stop(true)
    end
    vim.wait(1000, function()
      return #M.clients() == 0
    end, 50)
  end
  vim.lsp.enable('podls') -- re-runs the FileType logic for loaded buffers, once Neovim has started
  -- Before VimEnter (e.g. `nvim -c ...`) enable() does not revisit loaded buffers: start for them here.
  for _, b in ipairs(bufs) do
    if vim.api.nvim_buf_is_loaded(b) and #M.clients(b) == 0 then
      local config = vim.deepcopy(vim.lsp.config['podls'])
      local function start(root)
        config.root_dir = root
        vim.lsp.start(config, { bufnr = b })
      end
      if type(config.root_dir) == 'function' then
        config.root_dir(b, start)
      else
        start(config.root_dir or vim.fs.root(b, config.root_markers or {}))
      end
    end
  end
end

--- For a statusline: 'podls' when a podls client is attached to the current buffer, else ''.
--- @return string
function M.status()
  return #M.clients(vim.api.nvim_get_current_buf()) > 0 and 'podls' or ''
end

return M
