-- Minimal Neovim config for the podls e2e test: the plugin from editors/nvim on the runtimepath,
-- the server from $PODLS_BIN, enabled the documented way (setup(): vim.lsp.config, vim.lsp.enable and
-- vim.lsp.completion on attach).
local plugin = assert(vim.env.PODLS_NVIM_PLUGIN, 'set PODLS_NVIM_PLUGIN to editors/nvim')
vim.opt.runtimepath:prepend(plugin)
vim.opt.swapfile = false
vim.opt.shortmess:append('I')
vim.lsp.log.set_level(vim.log.levels.WARN)
require('podls').setup({ cmd = { assert(vim.env.PODLS_BIN, 'set PODLS_BIN'), '--stdio' } })
