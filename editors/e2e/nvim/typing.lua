-- Neovim e2e, typing a Pod as a person does: a few letters of each key, <C-n> to the wanted item in the
-- menu vim.lsp.completion opens, <C-y>; <Tab> to a snippet's next field; quick fixes through
-- vim.lsp.buf.code_action. The keystrokes and the YAML wanted after each step come from ../accept/*.py
-- (shared with the VS Code driver); after each step the whole buffer is compared with it byte for byte.
-- Run by run.sh as: nvim --headless --clean -u minimal_init.lua -c 'luafile typing.lua' (env PODLS_SCENARIOS)
local H = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/harness.lua')
local say, show = H.say, H.show

vim.o.completeopt = 'menuone,noselect,popup'
vim.o.showmode = false
vim.opt.shortmess:append('c') -- no "match 1 of 3" on stderr
-- The editor's own indenting is not under test: with it off, a new line starts at column 0 and the
-- driver types the spaces, in both editors alike.
vim.o.autoindent = false
vim.o.expandtab = true

local KEY_WAIT = 5000 -- ms for a menu to open or an edit to land
local TYPE_DELAY = 30 -- ms between typed characters

-- The test runs as a coroutine that yields to Neovim's main loop: typed keys (nvim_input) are only read
-- from there, as a keyboard's are, so vim.wait() (which does not read them) cannot be used to wait.
local function sleep(ms)
  local co = coroutine.running()
  vim.defer_fn(function()
    assert(coroutine.resume(co))
  end, ms)
  coroutine.yield()
end

--- Waits until cond() is true or ms passed; returns whether it became true.
local function wait(ms, cond)
  local deadline = vim.uv.now() + ms
  while not cond() do
    if vim.uv.now() > deadline then
      return false
    end
    sleep(10)
  end
  return true
end

local function lines()
  return vim.api.nvim_buf_get_lines(0, 0, -1, false)
end

local function text()
  return table.concat(lines(), '\n')
end

--- The buffer with its line numbers and a `|` at each line's end, so that blanks show.
local function framed(s)
  local out = {}
  for i, l in ipairs(vim.split(s, '\n', { plain = true })) do
    out[#out + 1] = ('%3d %s|'):format(i, l)
  end
  return table.concat(out, '\n')
end

local function feed(keys)
  vim.api.nvim_input(keys)
  sleep(TYPE_DELAY)
end

local function type_text(s)
  if vim.fn.mode() == 'n' then
    feed('A') -- typing happens in Insert mode, at the end of the line
  end
  for _, ch in ipairs(vim.split(s, '')) do
    feed(ch == '<' and '<lt>' or ch)
  end
end

local function menu()
  local info = vim.fn.complete_info({ 'items', 'selected' })
  return info.items or {}, info.selected
end

local function labels(items)
  return vim.tbl_map(function(it)
    return it.abbr ~= '' and it.abbr or it.word
  end, items)
end

--- Waits for the menu to list `label`, moves to it with <C-n> and accepts it with <C-y>.
local function accept(label, opts)
  opts = opts or {}
  local before = text()
  local found
  local ok = wait(KEY_WAIT, function()
    if vim.fn.pumvisible() ~= 1 then
      return false
    end
    local items = menu()
    for i, it in ipairs(items) do
      if (it.abbr ~= '' and it.abbr or it.word) == label then
        found = i - 1
        return true
      end
    end
    return false
  end)
  if not ok then
    local items = menu()
    error(('the menu never listed %q (menu %s: %s)'):format(
      label,
      vim.fn.pumvisible() == 1 and 'open' or 'closed',
      show(labels(items))
    ))
  end
  if opts.first and found ~= 0 then
    error(('%q is not the first item of the menu: %s'):format(label, show(labels((menu())))))
  end
  -- by label, not index: the menu may still change (a later answer) while <C-n> walks it
  local function selected_label()
    local items, selected = menu()
    local it = items[selected + 1]
    return it and (it.abbr ~= '' and it.abbr or it.word)
  end
  for _ = 1, 50 do
    if selected_label() == label then
      break
    end
    feed('<C-n>')
  end
  if selected_label() ~= label then
    error(('<C-n> never reached %q: %s'):format(label, show(labels((menu())))))
  end
  feed('<C-y>')
  -- the item's text edit or snippet lands after CompleteDone (a snippet choice already shows its value)
  wait(KEY_WAIT, function()
    return vim.fn.pumvisible() == 0
  end)
  wait(300, function()
    return text() ~= before
  end)
end

--- The first item of the menu, opened with <C-x><C-o> (Neovim's LSP omnifunc) when nothing opened it.
local function accept_first(label)
  -- a snippet's choice opens its menu by itself, after a moment (vim.snippet defers it)
  if not wait(1000, function()
    return vim.fn.pumvisible() == 1
  end) then
    feed('<C-x><C-o>')
  end
  accept(label, { first = true })
end

--- A new line below the (first) line whose text is `below`, indented by `indent` blanks (as an editor's
--- auto-indent leaves it), in Insert mode at its end.
local function open_line(spec)
  feed('<Esc>')
  for i, l in ipairs(lines()) do
    if vim.trim(l) == spec.below then
      vim.api.nvim_buf_set_lines(0, i, i, false, { (' '):rep(spec.indent) })
      vim.api.nvim_win_set_cursor(0, { i + 1, 0 })
      feed('A')
      sleep(100)
      return
    end
  end
  error(('no line %q in the buffer'):format(spec.below))
end

local KEYS = { Tab = '<Tab>', Escape = '<Esc>', Enter = '<CR>' }

--- Puts the cursor on the last character of the first `at`, lists the code actions there and applies the one
--- titled `title` through vim.lsp.buf.code_action's filter (what a mapping to it does).
local function code_action(spec)
  feed('<Esc>')
  local row, col
  for i, l in ipairs(lines()) do
    local s = l:find(spec.at, 1, true)
    if s then
      row, col = i, s - 1 + #spec.at - 1
      break
    end
  end
  if not row then
    error(('no %q in the buffer'):format(spec.at))
  end
  vim.api.nvim_win_set_cursor(0, { row, col })
  local bufnr = vim.api.nvim_get_current_buf()
  -- the diagnostics the action fixes must be there first
  wait(KEY_WAIT, function()
    return #vim.diagnostic.get(bufnr, { lnum = row - 1 }) > 0
  end)
  local titles = {}
  local params = vim.lsp.util.make_range_params(0, 'utf-16')
  params.context = { diagnostics = vim.lsp.diagnostic.from(vim.diagnostic.get(bufnr, { lnum = row - 1 })), only = nil }
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, KEY_WAIT) or {}
  for _, r in pairs(res) do
    for _, a in ipairs(r.result or {}) do
      titles[#titles + 1] = a.title
    end
  end
  local function plain(t) -- titles may quote code with backticks, quotes or ‘ ’
    return (t:gsub('[`\'"]', ''):gsub('‘', ''):gsub('’', ''))
  end
  local wanted = plain(spec.title)
  local function matches(t) -- the title, or the title and details in parentheses
    t = plain(t)
    return t == wanted or vim.startswith(t, wanted .. ' (')
  end
  local hits = vim.tbl_filter(matches, titles)
  if #hits ~= 1 then
    error(('%s code action %q at %q; offered: %s'):format(#hits == 0 and 'no' or 'more than one', spec.title, spec.at, show(titles)))
  end
  local before = text()
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(a)
      return matches(a.title)
    end,
  })
  wait(KEY_WAIT, function()
    return text() ~= before
  end)
end

local function run(action)
  if action.type then
    type_text(action.type)
  elseif action.accept then
    accept(action.accept)
  elseif action.accept_first then
    accept_first(action.accept_first)
  elseif action.key then
    feed(assert(KEYS[action.key], action.key))
  elseif action.open then
    open_line(action.open)
  elseif action.code_action then
    code_action(action.code_action)
  else
    error('unknown action ' .. show(action))
  end
end

local function set_text(s)
  feed('<Esc>')
  vim.api.nvim_buf_set_lines(0, 0, -1, false, s == '' and {} or vim.split(s, '\n', { plain = true }))
end

local passed, failed = 0, 0
local timings = {}

local function step(doc, st)
  local t = vim.uv.hrtime()
  local ok, err = xpcall(function()
    if st.start then
      set_text(table.concat(st.start, '\n'))
    end
    for i, action in ipairs(st.actions) do
      local ok_action, why = pcall(run, action)
      if not ok_action then
        error(('action %d %s: %s\n--- buffer now\n%s'):format(i, show(action), why, framed(text())), 0)
      end
    end
    feed('<Esc>')
    local want = table.concat(st.expect, '\n')
    local got
    -- edits and snippet expansion may still be landing
    wait(1000, function()
      got = text()
      return got == want
    end)
    if got ~= want then
      error(('the buffer differs from the YAML wanted\n--- expected\n%s\n--- actual\n%s\n--- diff\n%s'):format(
        framed(want),
        framed(got),
        (vim.text.diff or vim.diff)(want .. '\n', got .. '\n', { ctxlen = 1 })
      ))
    end
  end, debug.traceback)
  local dt = (vim.uv.hrtime() - t) / 1e9
  timings[#timings + 1] = ('%s / %s: %.1fs'):format(doc.name, st.name, dt)
  if ok then
    passed = passed + 1
    say('PASS %s / %s (%.1fs)', doc.name, st.name, dt)
  else
    failed = failed + 1
    say('FAIL %s / %s (%.1fs): %s', doc.name, st.name, dt, tostring(err))
    -- the next step starts from the text this one should have left
    set_text(table.concat(st.expect, '\n'))
  end
end

local function main()
  local scenarios = vim.json.decode(table.concat(vim.fn.readfile(assert(vim.env.PODLS_SCENARIOS)), '\n'))
  for _, doc in ipairs(scenarios.documents) do
    vim.cmd.edit(doc.file)
    vim.bo.shiftwidth = doc.indent
    vim.bo.tabstop = doc.indent
    vim.bo.indentexpr = ''
    vim.bo.autoindent = false
    local buf = vim.api.nvim_get_current_buf()
    if not wait(20000, function()
      local c = vim.lsp.get_clients({ name = 'podls', bufnr = buf })[1]
      return c ~= nil and c.initialized == true
    end) then
      error('no podls client attached to ' .. doc.file)
    end
    set_text(table.concat(doc.start, '\n'))
    for _, st in ipairs(doc.steps) do
      if st.skip then
        say('SKIP %s / %s: %s', doc.name, st.name, st.skip)
        set_text(table.concat(st.expect, '\n'))
      else
        step(doc, st)
      end
    end
  end
end

coroutine.wrap(function()
  H.finish('nvim typing e2e', main, function()
    return passed, failed
  end, function()
    return 'nvim typing steps:\n  ' .. table.concat(timings, '\n  ') .. '\n'
  end)
end)()
