-- What both Neovim drivers (e2e.lua, typing.lua) share: timestamped output and the summary line that
-- editors/test.sh counts, then quitting with the exit code.
local M = {}

local T0 = vim.uv.hrtime()

function M.say(fmt, ...)
  io.stdout:write(('[nvim %5.1fs] '):format((vim.uv.hrtime() - T0) / 1e9) .. fmt:format(...) .. '\n')
  io.stdout:flush()
end

function M.show(v)
  return vim.inspect(v, { newline = ' ', indent = '' })
end

--- Runs main (protected), prints "<title>: N passed, N failed" and the extra lines, and quits: exit code 1
--- when something failed or nothing passed. `counts()` returns passed, failed after main.
--- @param title string
--- @param main fun()
--- @param counts fun(): integer, integer
--- @param extra? fun(): string
function M.finish(title, main, counts, extra)
  local ok, err = xpcall(main, debug.traceback)
  local passed, failed = counts()
  if not ok then
    failed = failed + 1
    M.say('ERROR in the test script: %s', err)
  end
  io.stdout:write(('%s: %d passed, %d failed\n'):format(title, passed, failed))
  if extra then
    io.stdout:write(extra())
  end
  io.stdout:flush()
  -- scheduled: a driver running as a coroutine must return to the main loop before Neovim exits
  vim.schedule(function()
    vim.cmd((failed > 0 or passed == 0) and 'cquit 1' or 'qall!')
  end)
end

return M
