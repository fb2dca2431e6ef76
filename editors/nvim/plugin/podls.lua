-- Commands only; the server starts after vim.lsp.enable('podls') or require('podls').setup().
if vim.g.loaded_podls then
  return
end
vim.g.loaded_podls = true

vim.api.nvim_create_user_command('PodlsRestart', function()
  require('podls').restart()
end, { desc = 'Restart the podls language server' })

vim.api.nvim_create_user_command('PodlsLocale', function(o)
  require('podls').update_settings({ locale = o.args })
end, {
  nargs = 1,
  complete = function()
    return { 'en', 'zh-cn' }
  end,
  desc = 'Set the podls locale (en, zh-cn) without a restart',
})
