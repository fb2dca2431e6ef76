-- Neovim e2e for podls: run by run.sh as
--   nvim --headless --clean -u minimal_init.lua -c 'luafile e2e.lua' pod.yaml
-- Each check prints what came back; the last line is "nvim e2e: N passed, N failed"; exit code 1 on failure.
local H = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/harness.lua')
local say, show = H.say, H.show

local passed, failed = 0, 0
local function check(name, fn)
  local t = vim.uv.hrtime()
  local ok, res = xpcall(fn, debug.traceback)
  local dt = (vim.uv.hrtime() - t) / 1e9
  if ok then
    passed = passed + 1
    say('PASS %s (%.1fs)%s', name, dt, res and (': ' .. tostring(res)) or '')
  else
    failed = failed + 1
    say('FAIL %s (%.1fs): %s', name, dt, tostring(res))
  end
end

local function podls_client(bufnr)
  return vim.lsp.get_clients({ name = 'podls', bufnr = bufnr or 0 })[1]
end

local function find(bufnr, pattern)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local s = line:find(pattern)
    if s then
      return i - 1, s - 1
    end
  end
  error('pattern not in buffer: ' .. pattern)
end

local function request(bufnr, method, params, timeout)
  local res, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout or 10000)
  if not res then
    error(('%s: no response (%s)'):format(method, tostring(err)))
  end
  for _, r in pairs(res) do
    if r.err then
      error(('%s: error %s'):format(method, show(r.err)))
    end
    return r.result
  end
  error(method .. ': no podls client answered')
end

local function hover_text(result)
  if not result or not result.contents then
    return ''
  end
  local c = result.contents
  local parts = {}
  local function add(x)
    if type(x) == 'string' then
      parts[#parts + 1] = x
    elseif type(x) == 'table' and x.value then
      parts[#parts + 1] = x.value
    elseif type(x) == 'table' then
      for _, y in ipairs(x) do
        add(y)
      end
    end
  end
  add(c)
  return table.concat(parts, '\n')
end

local function hover_at(bufnr, row, col)
  return request(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = row, character = col },
  })
end

local function main()
  local pod = vim.api.nvim_get_current_buf()
  local client
  check('client attaches to pod.yaml', function()
    local ok = vim.wait(20000, function()
      client = podls_client(pod)
      return client ~= nil and client.initialized == true
    end, 50)
    if not ok then
      error(('no initialized podls client on %s (filetype=%q); all clients: %s'):format(
        vim.api.nvim_buf_get_name(pod),
        vim.bo[pod].filetype,
        show(vim.tbl_map(function(c)
          return { c.name, c.id, c.initialized }
        end, vim.lsp.get_clients()))
      ))
    end
    local info = client.server_info or {}
    return ('client %d, server %s %s, initializationOptions sent: %s'):format(
      client.id,
      info.name or '?',
      info.version or '?',
      show(client.config.init_options or vim.tbl_get(client.config, 'settings', 'podls'))
    )
  end)
  if not client then
    return
  end

  check('hover on imagePullPolicy', function()
    local row, col = find(pod, 'imagePullPolicy:')
    local text = ''
    local deadline = vim.uv.now() + 20000
    repeat
      text = hover_text(hover_at(pod, row, col + 3))
      if text:find('imagePullPolicy', 1, true) and text:find('IfNotPresent', 1, true) then
        return show(text:sub(1, 300))
      end
      vim.wait(500)
    until vim.uv.now() > deadline
    error('hover lacks "imagePullPolicy" and "IfNotPresent"; got: ' .. show(text))
  end)

  check('podls diagnostic for imagePullPolicy: Sometimes', function()
    local row = find(pod, 'imagePullPolicy: Sometimes')
    local hit
    vim.wait(20000, function()
      for _, d in ipairs(vim.diagnostic.get(pod)) do
        if d.source == 'podls' and d.lnum == row and (d.code == 'invalid-enum' or tostring(d.message):find('Sometimes')) then
          hit = d
          return true
        end
      end
    end, 100)
    if not hit then
      error(('no podls invalid-enum diagnostic on line %d; vim.diagnostic.get(): %s'):format(row + 1, show(vim.diagnostic.get(pod))))
    end
    return ('line %d col %d severity %s code %s: %s'):format(hit.lnum + 1, hit.col + 1, hit.severity, tostring(hit.code), hit.message)
  end)

  -- Neovim's own outline: vim.lsp.buf.document_symbol() with its location list items (nested symbols
  -- flattened, each "[Kind] name" at its selection range), checked against the buffer's lines.
  check('outline: the Pod, its containers and their ports (vim.lsp.buf.document_symbol)', function()
    local items
    vim.lsp.buf.document_symbol({
      on_list = function(t)
        items = t.items
      end,
    })
    vim.wait(10000, function()
      return items ~= nil
    end, 50)
    if not items then
      error('document_symbol gave no list')
    end
    local got = vim.tbl_map(function(it)
      return it.text
    end, items)
    local want = {
      '[Module] Pod web',
      '[Class] container web (nginx:1.27)',
      '[Interface] port 80/TCP',
      '[Class] container sidecar (busybox:1.36)',
      '[Property] mount cache → /cache',
      '[File] volume cache (emptyDir)',
    }
    if not vim.deep_equal(got, want) then
      error('outline ' .. show(got) .. ', wanted ' .. show(want))
    end
    -- each item points at its name in the buffer
    local lines = vim.api.nvim_buf_get_lines(pod, 0, -1, false)
    local at = function(i)
      return lines[items[i].lnum]:sub(items[i].col)
    end
    local starts = { '^web', '^web', '^80', '^sidecar', '^cache', '^cache' }
    for i, start in ipairs(starts) do
      if not at(i):find(start) then
        error(('outline item %d points at %s, not %s'):format(i, show(at(i)), start))
      end
    end
    return show(got)
  end)

  -- Names (issue 14): from a mount's name to its volume, and a rename of both, by the buffer's text.
  local function cursor_line()
    return vim.api.nvim_get_current_line()
  end
  check('go to definition: a volumeMount name jumps to its volume (vim.lsp.buf.definition)', function()
    local row, col = find(pod, '%- name: cache') -- the mount comes first
    vim.api.nvim_win_set_cursor(0, { row + 1, col + 9 })
    vim.lsp.buf.definition()
    local moved = vim.wait(10000, function()
      return vim.api.nvim_win_get_cursor(0)[1] ~= row + 1
    end, 50)
    local at = vim.api.nvim_win_get_cursor(0)
    local above = vim.api.nvim_buf_get_lines(pod, at[1] - 2, at[1] - 1, false)[1]
    if not moved or not cursor_line():find('^%s*%- name: cache') or not above:find('^%s*volumes:') then
      error(('definition left the cursor on line %d %s (above: %s)'):format(at[1], show(cursor_line()), show(above)))
    end
    return ('line %d -> line %d: %s'):format(row + 1, at[1], cursor_line())
  end)

  check('rename: the volume and its mount together (vim.lsp.buf.rename)', function()
    local count = function(pattern)
      local n = 0
      for _, line in ipairs(vim.api.nvim_buf_get_lines(pod, 0, -1, false)) do
        if line:find(pattern) then
          n = n + 1
        end
      end
      return n
    end
    local row, col = find(pod, '%- name: cache')
    vim.api.nvim_win_set_cursor(0, { row + 1, col + 9 })
    vim.lsp.buf.rename('scratch')
    local done = vim.wait(10000, function()
      return count('name: scratch$') == 2
    end, 50)
    local lines = vim.api.nvim_buf_get_lines(pod, row - 1, -1, false)
    if not done or count('name: cache$') ~= 0 then
      error('after the rename the buffer holds ' .. show(lines))
    end
    -- and back, so the checks that follow see the file as it was
    vim.lsp.buf.rename('cache')
    vim.wait(10000, function()
      return count('name: cache$') == 2
    end, 50)
    return 'both renamed: ' .. show(vim.tbl_filter(function(l)
      return l:find('scratch') ~= nil
    end, lines))
  end)

  check('completion offers imagePullPolicy after "imag" in a container', function()
    if not client.server_capabilities.completionProvider then
      error('the server does not advertise completionProvider; capabilities: ' .. show(vim.tbl_keys(client.server_capabilities)))
    end
    local row = find(pod, 'image: busybox')
    vim.api.nvim_buf_set_lines(pod, row + 1, row + 1, false, { '      imag' })
    local ok, res = pcall(request, pod, 'textDocument/completion', {
      textDocument = { uri = vim.uri_from_bufnr(pod) },
      position = { line = row + 1, character = 10 },
      context = { triggerKind = 1 },
    })
    vim.api.nvim_buf_set_lines(pod, row + 1, row + 2, false, {}) -- undo the edit
    if not ok then
      error(res)
    end
    local items = res and (res.items or res) or {}
    local labels = vim.tbl_map(function(it)
      return it.label
    end, items)
    for _, it in ipairs(items) do
      if it.label == 'imagePullPolicy' or it.filterText == 'imagePullPolicy' then
        return ('%d items, e.g. %s'):format(#items, show(vim.list_slice(labels, 1, 8)))
      end
    end
    error('imagePullPolicy not among the completion items: ' .. show(labels))
  end)

  check('no podls diagnostics on a kind podls does not serve (custom-resource.yaml)', function()
    vim.cmd.edit('custom-resource.yaml')
    local dep = vim.api.nvim_get_current_buf()
    local ok = vim.wait(10000, function()
      return podls_client(dep) ~= nil
    end, 50)
    if not ok then
      error('podls did not attach to custom-resource.yaml')
    end
    -- a round trip after didOpen, then give a push-diagnostics server a moment
    local row, col = find(dep, 'imagePullPolicy:')
    pcall(hover_at, dep, row, col + 3)
    vim.wait(1500)
    local mine = vim.tbl_filter(function(d)
      return d.source == 'podls'
    end, vim.diagnostic.get(dep))
    vim.cmd.buffer(pod)
    if #mine > 0 then
      error('podls reported on a custom resource: ' .. show(mine))
    end
    return 'none (the same invalid imagePullPolicy as in pod.yaml)'
  end)

  check('podls.toml: its mistake is a podls diagnostic (invalid-config)', function()
    vim.cmd.edit('project/podls.toml')
    local buf = vim.api.nvim_get_current_buf()
    local hit
    vim.wait(20000, function()
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if d.source == 'podls' and d.code == 'invalid-config' then
          hit = d
          return true
        end
      end
    end, 100)
    local filetype = vim.bo[buf].filetype
    vim.cmd.buffer(pod)
    if not hit then
      error(('no podls invalid-config diagnostic (filetype %s, client %s); vim.diagnostic.get(): %s'):format(
        filetype, tostring(podls_client(buf) ~= nil), show(vim.diagnostic.get(buf))))
    end
    if not tostring(hit.message):find('kubernetes-versio', 1, true) then
      error('the diagnostic does not name the misspelt key: ' .. hit.message)
    end
    return ('line %d col %d: %s'):format(hit.lnum + 1, hit.col + 1, hit.message)
  end)

  check('another TOML file: podls does not attach', function()
    vim.cmd.edit('project/tool.toml')
    local buf = vim.api.nvim_get_current_buf()
    local filetype = vim.bo[buf].filetype
    vim.wait(1500, function()
      return podls_client(buf) ~= nil
    end, 50)
    local attached = podls_client(buf) ~= nil
    vim.cmd.buffer(pod)
    if filetype ~= 'toml' then
      error('tool.toml has filetype ' .. filetype .. ', not toml: the check would prove nothing')
    end
    if attached then
      error('podls attached to tool.toml')
    end
    return 'not attached (filetype toml)'
  end)

  check(':checkhealth podls', function()
    vim.cmd('checkhealth podls')
    local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
    local text = table.concat(lines, '\n')
    vim.cmd('tabclose')
    io.stdout:write('---- :checkhealth podls\n' .. text .. '\n----\n')
    local want = {
      'podls: server binary',
      'OK .*: podls %d',
      'OK client %d+: ',
      'OK attached to the current buffer',
      'settings in effect',
      'OK vim.lsp.completion is enabled in buffer %d+ %(pod.yaml%)',
    }
    for _, p in ipairs(want) do
      if not text:find(p) then
        error(('checkhealth output lacks %q'):format(p))
      end
    end
    if text:find('ERROR') then
      error('checkhealth reports an ERROR')
    end
    return #lines .. ' lines, no ERROR'
  end)

  check(':checkhealth podls warns when completion is off in a podls buffer', function()
    vim.lsp.completion.enable(false, client.id, pod)
    vim.cmd('checkhealth podls')
    local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
    vim.cmd('tabclose')
    vim.lsp.completion.enable(true, client.id, pod, { autotrigger = true })
    local warning = text:match('WARNING completion is not enabled for podls in buffer %d+ %(pod.yaml%)[^\n]*')
    if not warning then
      error('no completion warning for pod.yaml; :checkhealth podls said:\n' .. text)
    end
    return warning
  end)

  check('settings change without restart (locale zh-cn, then en)', function()
    local id = client.id
    require('podls').update_settings({ locale = 'zh-cn' })
    local row, col = find(pod, 'imagePullPolicy:')
    local zh = hover_text(hover_at(pod, row, col + 3))
    require('podls').update_settings({ locale = 'en' })
    local en = hover_text(hover_at(pod, row, col + 3))
    local c = podls_client(pod)
    if not c or c.id ~= id or c:is_stopped() then
      error('the client did not survive workspace/didChangeConfiguration')
    end
    if en == '' or zh == '' then
      error(('no hover after a settings change: zh-cn %s, en %s'):format(show(zh), show(en)))
    end
    if zh == en then
      error('hover did not change with locale zh-cn (settings not applied?): ' .. show(zh:sub(1, 200)))
    end
    return ('same client %d; zh-cn hover: %s'):format(id, show(zh:sub(1, 120)))
  end)

  check('podls.kubernetesVersion applied without restart (1.30: stopSignal too new; back to the default)', function()
    vim.cmd.edit('versions.yaml')
    local buf = vim.api.nvim_get_current_buf()
    local function podls_messages()
      local out = {}
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if d.source == 'podls' then
          out[#out + 1] = d.message
        end
      end
      return out
    end
    local function wait_for(want, what)
      local seen
      local ok = vim.wait(15000, function()
        seen = podls_messages()
        return want(table.concat(seen, '\n'))
      end, 50)
      if not ok then
        error(('%s; podls diagnostics: %s'):format(what, show(seen)))
      end
      return seen
    end
    local too_new = 'stopSignal.* is in Kubernetes 1%.33 and later; the target is 1%.30'
    wait_for(function(t)
      return t:find('ContainerStopSignals') ~= nil
    end, 'no feature-gate warning for stopSignal at the default version')
    -- The server's window/showMessage, as Neovim's own handler shows it (in :messages).
    local notices = {}
    local show_message = vim.lsp.handlers['window/showMessage']
    vim.lsp.handlers['window/showMessage'] = function(err, params, ctx)
      notices[#notices + 1] = { msg = params.message, type = params.type }
      return show_message(err, params, ctx)
    end
    local ok, res = pcall(function()
      require('podls').update_settings({ kubernetesVersion = '1.30' })
      local at130 = wait_for(function(t)
        return t:find(too_new) ~= nil
      end, 'no "stopSignal is in Kubernetes 1.33 and later" with kubernetesVersion 1.30')
      -- A version podls does not know: a warning with the range, and the default applies again.
      require('podls').update_settings({ kubernetesVersion = '1.24' })
      wait_for(function(t)
        return t:find(too_new) == nil and t:find('ContainerStopSignals') ~= nil
      end, 'the stopSignal error stayed after an unsupported kubernetesVersion')
      local warned = vim.wait(10000, function()
        for _, n in ipairs(notices) do
          if n.type == vim.lsp.protocol.MessageType.Warning and tostring(n.msg):find('1%.25 to 1%.37') then
            return true
          end
        end
        return false
      end, 50)
      if not warned then
        error('no notice for kubernetesVersion 1.24; notices: ' .. show(notices))
      end
      return ('1.30: %s; 1.24 refused with a notice'):format(show(at130))
    end)
    vim.lsp.handlers['window/showMessage'] = show_message
    require('podls').update_settings({ kubernetesVersion = '' })
    vim.cmd.buffer(pod)
    if not ok then
      error(res)
    end
    return res
  end)

  check(':PodlsRestart', function()
    local old = client.id
    vim.cmd('PodlsRestart')
    local new
    local ok = vim.wait(15000, function()
      new = podls_client(pod)
      return new ~= nil and new.id ~= old and new.initialized == true
    end, 50)
    if not ok then
      error(('no new podls client after :PodlsRestart (old %d, now %s)'):format(old, show(new and new.id)))
    end
    return ('client %d -> %d'):format(old, new.id)
  end)
end

H.finish('nvim e2e', main, function()
  return passed, failed
end)
