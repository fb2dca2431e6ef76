-- Default client config for podls, shared by lsp/podls.lua (vim.lsp.enable) and require('podls').setup().
local M = {}

--- Locale for hover and completion docs, diagnostic messages and quick-fix titles, from Neovim's messages language ($LC_ALL / $LC_MESSAGES / $LANG).
--- @return 'en'|'zh-cn'
function M.default_locale()
  local ok, lang = pcall(vim.fn.execute, 'language messages')
  lang = (ok and lang or '') .. ' ' .. (vim.env.LC_ALL or vim.env.LC_MESSAGES or vim.env.LANG or '')
  lang = lang:lower()
  if lang:match('zh[_-]cn') or lang:match('zh[_-]hans') or lang:match('zh[_-]sg') then
    return 'zh-cn'
  end
  return 'en'
end

--- The server reads its settings from initializationOptions, from workspace/configuration (section
--- "podls") and from workspace/didChangeConfiguration; all three carry `settings.podls`.
local function before_init(params, config)
  local settings = vim.tbl_get(config, 'settings', 'podls') or {}
  params.initializationOptions =
    vim.tbl_deep_extend('force', vim.deepcopy(settings), params.initializationOptions or {})
end

--- @return vim.lsp.Config
function M.defaults()
  return {
    cmd = { 'podls', '--stdio' },
    -- JSON too: the server reads JSON Pods, and publishes nothing for other JSON files.
    filetypes = { 'yaml', 'json' },
    root_markers = { '.git' },
    settings = { podls = { locale = M.default_locale() } },
    before_init = before_init,
  }
end

return M
