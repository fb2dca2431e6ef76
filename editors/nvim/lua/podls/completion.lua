-- Completion for podls buffers through Neovim's own client (vim.lsp.completion, 0.11+). podls's items are
-- snippets with text edits (`ports:` plus the `- ` of its first item, a whole container); only this path
-- (or a completion plugin) applies them whole — plain 'omnifunc' without it inserts the bare label.
local M = {}

local GROUP = 'podls.completion'

--- Letters open the menu while a key is typed (Neovim's documented way, |lsp-autocompletion|), like the
--- quick suggestions the VS Code extension turns on; the server's own trigger characters stay.
local LETTERS = vim.split('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', '')

--- @class podls.CompletionOpts
--- @field autotrigger? boolean   open the menu on the server's trigger characters (` `, `-`, `:`); default true
--- @field while_typing? boolean  also on letters, so the menu shows while a key is typed; default true

--- @param opts? podls.CompletionOpts|boolean
--- @return podls.CompletionOpts|nil  nil when completion is off
local function resolve(opts)
  if opts == false then
    return nil
  end
  return vim.tbl_extend('keep', type(opts) == 'table' and opts or {}, { autotrigger = true, while_typing = true })
end

--- @param client vim.lsp.Client
--- @param bufnr integer
--- @param opts podls.CompletionOpts
local function attach(client, bufnr, opts)
  local provider = client.server_capabilities and client.server_capabilities.completionProvider
  if not provider then
    return
  end
  if opts.autotrigger and opts.while_typing then
    local chars = vim.list_extend(vim.deepcopy(provider.triggerCharacters or {}), LETTERS)
    provider.triggerCharacters = vim.fn.uniq(vim.fn.sort(chars))
  end
  vim.lsp.completion.enable(true, client.id, bufnr, { autotrigger = opts.autotrigger })
end

--- Turns vim.lsp.completion on for every buffer podls attaches to (now and later), or off with `false`.
--- @param opts? podls.CompletionOpts|boolean
function M.setup(opts)
  local group = vim.api.nvim_create_augroup(GROUP, { clear = true })
  local resolved = resolve(opts)
  if not resolved then
    return
  end
  vim.api.nvim_create_autocmd('LspAttach', {
    group = group,
    desc = 'podls: vim.lsp.completion.enable',
    callback = function(args)
      local client = vim.lsp.get_client_by_id(args.data.client_id)
      if client and client.name == 'podls' then
        attach(client, args.buf, resolved)
      end
    end,
  })
  for _, client in ipairs(vim.lsp.get_clients({ name = 'podls' })) do
    for bufnr in pairs(client.attached_buffers) do
      attach(client, bufnr, resolved)
    end
  end
end

--- Whether Neovim's LSP completion is enabled in `bufnr` (vim.lsp.completion.enable keeps its state private;
--- it creates this autocommand group for each buffer it serves).
--- @param bufnr integer
--- @return boolean
function M.enabled(bufnr)
  local ok, autocmds = pcall(vim.api.nvim_get_autocmds, { group = ('nvim.lsp.completion_%d'):format(bufnr) })
  return ok and #autocmds > 0
end

--- The completion plugin in use, if any: it applies podls's items itself.
--- @return string|nil
function M.plugin()
  for _, name in ipairs({ 'blink.cmp', 'cmp', 'mini.completion', 'coq' }) do
    if package.loaded[name] then
      return name
    end
  end
end

return M
