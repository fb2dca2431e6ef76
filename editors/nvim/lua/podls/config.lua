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

--- The project's configuration files: the server reports their mistakes on them (`invalid-config`).
M.config_files = { ['podls.toml'] = true, ['.podls.toml'] = true }

--- Whether podls serves the buffer: any YAML or JSON buffer, and of TOML only its own configuration files.
--- @param bufnr integer
--- @return boolean
function M.serves(bufnr)
  if vim.bo[bufnr].filetype ~= 'toml' then
    return true
  end
  return M.config_files[vim.fs.basename(vim.api.nvim_buf_get_name(bufnr))] == true
end

--- The workspace root of a buffer podls serves, by the config's `root_markers` (none found: podls runs
--- for the single file); for another TOML buffer on_dir is not called, so no client starts for it.
--- @param bufnr integer
--- @param on_dir fun(root_dir?: string)
function M.root_dir(bufnr, on_dir)
  if not M.serves(bufnr) then
    return
  end
  local config = vim.lsp.config['podls'] or {}
  on_dir(vim.fs.root(bufnr, config.root_markers or { '.git' }))
end

--- @return vim.lsp.Config
function M.defaults()
  return {
    cmd = { 'podls', '--stdio' },
    -- JSON too: the server reads JSON Pods, and publishes nothing for other JSON files. TOML for
    -- podls.toml alone (root_dir).
    filetypes = { 'yaml', 'json', 'toml' },
    root_markers = { '.git' },
    root_dir = M.root_dir,
    settings = { podls = { locale = M.default_locale() } },
    before_init = before_init,
  }
end

return M
