-- podls: Kubernetes Pod YAML language server, for Neovim 0.11+ native LSP config.
--   vim.lsp.enable('podls')
-- Override any field with vim.lsp.config('podls', { ... }), e.g.
--   vim.lsp.config('podls', { cmd = { '/path/to/podls', '--stdio' }, settings = { podls = { locale = 'zh-cn' } } })
return require('podls.config').defaults()
