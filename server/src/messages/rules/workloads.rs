//! The workload rules' messages (`analysis/diagnostics/rules/`: pod failure policies, StatefulSets, pod
//! templates, object metadata, Windows HostProcess, ReplicationControllers, Deployments and rolling updates,
//! Jobs, CronJobs and their schedules, selectors).

use crate::messages::messages;

messages! {
    // --- `pod_failure_policy.rs`
    a_pod_failure_policy_rule() { en: "a pod failure policy rule", zh: "Pod 失效策略规则" }
    no_such_container(wanted, declared) {
        en: "no container or init container named `{wanted}` in the pod template{declared}",
        zh: "Pod 模板中没有名为 `{wanted}` 的容器或 init 容器{declared}",
    }
    values_need_exit_code() {
        en: "`values` needs at least one exit code",
        zh: "`values` 至少需要一个退出码",
    }
    exit_code_zero_in() {
        en: "exit code 0 means success: it may not be listed with `operator: In`",
        zh: "退出码 0 表示成功：不能在 `operator: In` 中列出",
    }
    exit_codes_increasing() {
        en: "exit codes in `values` must be listed in increasing order",
        zh: "`values` 中的退出码必须按递增顺序列出",
    }

    // --- `stateful_set.rs`
    stateful_set_name(name) {
        en: "a StatefulSet's name must be a DNS label (a-z, 0-9 and `-`, no dots, at most 63 characters): it names and hostnames its pods (`{name}-0`, …)",
        zh: "StatefulSet 的名称必须是 DNS 标签（a-z、0-9 和 `-`，不含点，最多 63 个字符）：它用于其 Pod 的名称和主机名（`{name}-0` 等）",
    }
    claim_template_name() { en: "claim template name", zh: "申领模板名" }
    claim_template_names_unique() {
        en: "each claim template of a StatefulSet needs its own name",
        zh: "StatefulSet 的每个申领模板都需要各自的名称",
    }

    // --- `pod_template.rs`
    replaced_pods_restart() {
        en: "its controller replaces pods that stop, so they must always restart",
        zh: "它的控制器会替换停止的 Pod，所以 Pod 必须总是重启",
    }
    completing_pods_restart() {
        en: "its pods run to completion, so they may not always restart",
        zh: "它的 Pod 运行到完成为止，所以不能总是重启",
    }
    template_restart_policy(kind, allowed, policy, why) {
        en: "a {kind}'s pod template must use `restartPolicy` {allowed}, found `{policy}`: {why}",
        zh: "{kind} 的 Pod 模板必须使用 `restartPolicy` {allowed}，实际为 `{policy}`：{why}",
    }
    template_restart_policy_unset(kind) {
        en: "a {kind}'s pod template must set `restartPolicy: OnFailure` or `Never`; unset it defaults to `Always`, which a {kind} does not accept",
        zh: "{kind} 的 Pod 模板必须设置 `restartPolicy: OnFailure` 或 `Never`；不设置时默认为 `Always`，而 {kind} 不接受它",
    }
    template_active_deadline(kind) {
        en: "a {kind}'s pod template may not set `activeDeadlineSeconds`: its pods are meant to run until replaced",
        zh: "{kind} 的 Pod 模板不能设置 `activeDeadlineSeconds`：它的 Pod 应一直运行到被替换",
    }
    template_ephemeral_containers() {
        en: "a pod template may not list `ephemeralContainers`: they are added to a running Pod (`kubectl debug`), never created with it",
        zh: "Pod 模板不能列出 `ephemeralContainers`：它们是在 Pod 运行时添加的（`kubectl debug`），不会随 Pod 一起创建",
    }
    create_ephemeral_containers() {
        en: "`ephemeralContainers` cannot be set when a Pod is created: they are added to a running Pod (`kubectl debug`)",
        zh: "创建 Pod 时不能设置 `ephemeralContainers`：它们是在 Pod 运行时添加的（`kubectl debug`）",
    }

    // --- `object_meta.rs`
    create_sets_time() { en: "create sets it to the time of creation", zh: "创建时会把它设为创建时间" }
    create_new_uid() { en: "create gives the object a new one", zh: "创建时会给对象一个新的值" }
    create_restarts_generation() { en: "create starts it anew", zh: "创建时会重新计数" }
    self_link_dropped() { en: "the API server no longer sets it and drops it", zh: "API 服务器已不再设置它，并会丢弃它" }
    managed_fields_kept() { en: "the API server keeps it for server-side apply", zh: "API 服务器为服务器端应用（server-side apply）维护它" }
    create_clears_it() { en: "create clears it", zh: "创建时会清除它" }
    second_controller(first, second) {
        en: "only one owner reference may have `controller: true`; found it for {first} and {second}",
        zh: "只能有一个所有者引用设置 `controller: true`；{first} 和 {second} 都设置了",
    }
    event_owner() {
        en: "an Event cannot own other objects: the API server refuses it as an owner",
        zh: "Event 不能拥有其他对象：API 服务器拒绝把它作为所有者",
    }
    orphan_and_foreground() {
        en: "the `orphan` and `foregroundDeletion` finalizers cannot both be set: one keeps the dependents, the other deletes them first",
        zh: "不能同时设置 `orphan` 和 `foregroundDeletion` 终结器：前者保留依赖对象，后者先删除依赖对象",
    }
    template_ignores_it() {
        en: "in a template it is kept but never read, the objects made from it get their own",
        zh: "在模板中它会被保留但从不被读取，由模板创建的对象会有自己的值",
    }
    system_field(field, what) {
        en: "`{field}` is set by the cluster: {what}; it can be removed from the manifest",
        zh: "`{field}` 由集群设置：{what}；可以从清单中删除",
    }
    resource_version_on_create() {
        en: "`resourceVersion` must not be set on objects to be created: `kubectl create` and a first `kubectl apply` are refused (an update accepts it, and fails if the object changed since)",
        zh: "待创建的对象不能设置 `resourceVersion`：`kubectl create` 和首次 `kubectl apply` 都会被拒绝（更新时可以设置，但若对象之后已被修改则会失败）",
    }

    // --- `windows_host_process.rs`
    host_process_differs(value, pod_value) {
        en: "`hostProcess: {value}` differs from the pod's `securityContext.windowsOptions.hostProcess: {pod_value}`: when both are set they must be the same",
        zh: "`hostProcess: {value}` 与 Pod 的 `securityContext.windowsOptions.hostProcess: {pod_value}` 不一致：两者都设置时必须相同",
    }
    all_host_process() {
        en: "the Pod has HostProcess containers, so every container must be one: set `securityContext.windowsOptions.hostProcess: true` here or on the pod",
        zh: "Pod 中有 HostProcess 容器，因此所有容器都必须是 HostProcess 容器：请在此处或在 Pod 上设置 `securityContext.windowsOptions.hostProcess: true`",
    }
    host_process_needs_host_network() {
        en: "a Pod with HostProcess containers must set `hostNetwork: true`",
        zh: "含有 HostProcess 容器的 Pod 必须设置 `hostNetwork: true`",
    }

    // --- `replication_controller.rs`
    gce_disk_read_only(replicas) {
        en: "with {replicas} replicas a `gcePersistentDisk` must be mounted `readOnly: true`: a GCE disk can be attached to several machines only read-only",
        zh: "副本数为 {replicas} 时，`gcePersistentDisk` 必须以 `readOnly: true` 挂载：GCE 磁盘只有在只读时才能挂接到多台机器",
    }

    // --- `deployment.rs`
    progress_deadline_too_short(deadline, min_ready) {
        en: "`progressDeadlineSeconds` ({deadline}) must be greater than `minReadySeconds` ({min_ready}): a rollout could never be seen progressing",
        zh: "`progressDeadlineSeconds`（{deadline}）必须大于 `minReadySeconds`（{min_ready}）：否则永远无法观察到上线在推进",
    }
    min_ready_beyond_default_deadline(min_ready, default) {
        en: "`minReadySeconds` ({min_ready}) must be less than `progressDeadlineSeconds`, which defaults to {default}: set `progressDeadlineSeconds` above it",
        zh: "`minReadySeconds`（{min_ready}）必须小于 `progressDeadlineSeconds`（默认为 {default}）：请把 `progressDeadlineSeconds` 设得比它大",
    }

    // --- `rolling_update.rs`
    pods_or_percentage(field, value) {
        en: "`{field}` must be a number of pods or a percentage such as `25%`, found `{value}`",
        zh: "`{field}` 必须是 Pod 数量或 `25%` 这样的百分比，实际为 `{value}`",
    }
    percentage_above_100(field, p) {
        en: "`{field}` may be at most 100%, found {p}%",
        zh: "`{field}` 最多为 100%，实际为 {p}%",
    }
    rollout_stuck() {
        en: "`maxUnavailable` may not be 0 when `maxSurge` is 0: the rollout could neither stop an old pod nor start a new one",
        zh: "`maxSurge` 为 0 时 `maxUnavailable` 不能为 0：上线既无法停止旧 Pod，也无法启动新 Pod",
    }
    daemon_set_surge_and_unavailable() {
        en: "`maxSurge` may not be above 0 when `maxUnavailable` is: a DaemonSet updates a node either by surging or by taking its pod down; set one of them to 0",
        zh: "`maxSurge` 与 `maxUnavailable` 不能同时大于 0：DaemonSet 更新节点时要么先增后减，要么先停掉其 Pod；请把其中一个设为 0",
    }
    daemon_set_surge_default_unavailable() {
        en: "`maxSurge` may not be above 0 when `maxUnavailable` is, and `maxUnavailable` defaults to 1: set `maxUnavailable: 0` to surge instead",
        zh: "`maxSurge` 与 `maxUnavailable` 不能同时大于 0，而 `maxUnavailable` 默认为 1：若要先增后减，请设置 `maxUnavailable: 0`",
    }
    daemon_set_update_stuck() {
        en: "`maxUnavailable` may not be 0 when `maxSurge` is 0: the update could never replace a pod",
        zh: "`maxSurge` 为 0 时 `maxUnavailable` 不能为 0：更新永远无法替换任何 Pod",
    }
    stateful_set_unavailable_zero() {
        en: "a StatefulSet's `maxUnavailable` may not be 0%: the update could never take a pod down",
        zh: "StatefulSet 的 `maxUnavailable` 不能为 0%：更新永远无法停掉任何 Pod",
    }
    rolling_update_with_type(kind) {
        en: "`rollingUpdate` may not be set with `type: {kind}`: it only applies to `type: RollingUpdate`",
        zh: "`type: {kind}` 时不能设置 `rollingUpdate`：它只适用于 `type: RollingUpdate`",
    }

    // --- `job.rs`
    needs_indexed(field) {
        en: "`{field}` requires `completionMode: Indexed`",
        zh: "`{field}` 要求 `completionMode: Indexed`",
    }
    indexed_needs_completions() {
        en: "`completionMode: Indexed` needs `completions`: the Job runs one pod for each index from 0 to completions-1",
        zh: "`completionMode: Indexed` 需要设置 `completions`：Job 为 0 到 completions-1 的每个索引运行一个 Pod",
    }
    indexed_parallelism(max, p) {
        en: "an Indexed Job's `parallelism` may be at most {max}, found {p}",
        zh: "Indexed Job 的 `parallelism` 最多为 {max}，实际为 {p}",
    }
    max_failed_above_completions(m, c) {
        en: "`maxFailedIndexes` ({m}) may be at most `completions` ({c})",
        zh: "`maxFailedIndexes`（{m}）不能超过 `completions`（{c}）",
    }
    max_failed_indexes(max, m) {
        en: "`maxFailedIndexes` may be at most {max}, found {m}",
        zh: "`maxFailedIndexes` 最多为 {max}，实际为 {m}",
    }
    high_completions_need_max_failed(limit) {
        en: "with more than {limit} completions and `backoffLimitPerIndex`, `maxFailedIndexes` must be set",
        zh: "completions 超过 {limit} 且设置了 `backoffLimitPerIndex` 时，必须设置 `maxFailedIndexes`",
    }
    high_completions_limit(limit, field, max, v) {
        en: "with more than {limit} completions and `backoffLimitPerIndex`, `{field}` may be at most {max}, found {v}",
        zh: "completions 超过 {limit} 且设置了 `backoffLimitPerIndex` 时，`{field}` 最多为 {max}，实际为 {v}",
    }
    max_failed_needs_backoff() {
        en: "`maxFailedIndexes` needs `backoffLimitPerIndex`: indexes fail only when each has its own backoff limit",
        zh: "`maxFailedIndexes` 需要 `backoffLimitPerIndex`：只有每个索引都有自己的回退上限时，索引才会单独失败",
    }
    zero_deadline() {
        en: "`activeDeadlineSeconds: 0` fails the Job as soon as it starts; give the Job a positive number of seconds",
        zh: "`activeDeadlineSeconds: 0` 会让 Job 一启动就失败；请给 Job 一个正的秒数",
    }
    failure_policy_needs_never() {
        en: "with a `podFailurePolicy` the pod template must use `restartPolicy: Never`: the policy judges failed pods, which `OnFailure` restarts in place",
        zh: "设置 `podFailurePolicy` 时 Pod 模板必须使用 `restartPolicy: Never`：该策略要判定失败的 Pod，而 `OnFailure` 会原地重启它们",
    }
    the_pod_failure_policy() { en: "the pod failure policy", zh: "Pod 失效策略" }
    failure_policy_needs_failed_replacement() {
        en: "with a `podFailurePolicy`, `podReplacementPolicy` must be `Failed`: a replacement waits until the failed pod is judged",
        zh: "设置 `podFailurePolicy` 时，`podReplacementPolicy` 必须为 `Failed`：替换 Pod 要等到失败的 Pod 被判定之后",
    }
    fail_index_needs_backoff() {
        en: "the `FailIndex` action needs `backoffLimitPerIndex` on the Job",
        zh: "`FailIndex` 动作要求 Job 设置 `backoffLimitPerIndex`",
    }
    success_policy_needs_rule() {
        en: "a `successPolicy` needs at least one rule",
        zh: "`successPolicy` 至少需要一条规则",
    }
    success_policy_rules(max, found) {
        en: "a `successPolicy` may have at most {max} rules, found {found}",
        zh: "`successPolicy` 最多有 {max} 条规则，实际有 {found} 条",
    }
    success_rule_needs_count() {
        en: "a success policy rule needs `succeededCount` or `succeededIndexes`",
        zh: "成功策略规则需要 `succeededCount` 或 `succeededIndexes`",
    }
    invalid_succeeded_indexes(problem) {
        en: "invalid `succeededIndexes`: {problem}",
        zh: "`succeededIndexes` 无效：{problem}",
    }
    succeeded_count_above_completions(n, completions) {
        en: "`succeededCount` ({n}) may be at most `completions` ({completions})",
        zh: "`succeededCount`（{n}）不能超过 `completions`（{completions}）",
    }
    succeeded_count_above_indexes(n, total) {
        en: "`succeededCount` ({n}) may be at most the number of `succeededIndexes` ({total})",
        zh: "`succeededCount`（{n}）不能超过 `succeededIndexes` 中的索引个数（{total}）",
    }
    interval_two_dashes(interval) {
        en: "`{interval}` has more than one `-`",
        zh: "`{interval}` 中有多个 `-`",
    }
    not_an_index(value) { en: "`{value}` is not an index", zh: "`{value}` 不是索引" }
    index_not_below_completions(n, completions) {
        en: "index {n} is not below `completions` ({completions})",
        zh: "索引 {n} 不小于 `completions`（{completions}）",
    }
    interval_must_go_up(interval) {
        en: "the interval `{interval}` must go up",
        zh: "区间 `{interval}` 必须是递增的",
    }
    interval_out_of_order(interval) {
        en: "`{interval}` must come after the indexes before it (increasing order)",
        zh: "`{interval}` 必须排在它前面的索引之后（递增顺序）",
    }
    job_name_too_long(length) {
        en: "a Job's name may be at most 63 characters, found {length}: it becomes the value of its pods' `job-name` label",
        zh: "Job 的名称最多 63 个字符，实际为 {length}：它会成为其 Pod 的 `job-name` 标签的值",
    }
    indexed_hostname(hostname) {
        en: "an Indexed Job's pods are named and hostnamed `<name>-<index>`, and `{hostname}` is not a DNS label (at most 63 characters of a-z, 0-9 and `-`)",
        zh: "Indexed Job 的 Pod 名称和主机名为 `<name>-<index>`，而 `{hostname}` 不是 DNS 标签（最多 63 个字符，只含 a-z、0-9 和 `-`）",
    }

    // --- `cron_job.rs` and its schedule parser `cron_schedule.rs`
    cron_job_name(max, length) {
        en: "a CronJob's name may be at most {max} characters, found {length}: each Job it creates is named `<name>-<timestamp>`, which must fit in 63",
        zh: "CronJob 的名称最多 {max} 个字符，实际为 {length}：它创建的每个 Job 都命名为 `<name>-<timestamp>`，总长不能超过 63",
    }
    schedule_time_zone() {
        en: "a schedule may not name a time zone (`TZ=` or `CRON_TZ=`): set `timeZone` instead",
        zh: "调度表达式中不能指定时区（`TZ=` 或 `CRON_TZ=`）：请改为设置 `timeZone`",
    }
    invalid_schedule(schedule, problem) {
        en: "invalid schedule `{schedule}`: {problem}",
        zh: "调度表达式 `{schedule}` 无效：{problem}",
    }
    empty_time_zone() {
        en: "`timeZone` may not be empty: leave it out to use the controller's time zone, or name an IANA zone such as `Etc/UTC`",
        zh: "`timeZone` 不能为空：不写则使用控制器的时区，或填写 `Etc/UTC` 这样的 IANA 时区",
    }
    local_time_zone(zone) {
        en: "`timeZone: {zone}` is not allowed: name an explicit IANA zone such as `Europe/Berlin`",
        zh: "不允许 `timeZone: {zone}`：请填写明确的 IANA 时区，例如 `Europe/Berlin`",
    }
    time_zone_case(zone, name) {
        en: "unknown time zone `{zone}`: zone names are case-sensitive; did you mean `{name}`?",
        zh: "未知的时区 `{zone}`：时区名区分大小写；是否想写 `{name}`？",
    }
    unknown_time_zone(zone) {
        en: "unknown time zone `{zone}`: use a name of the IANA time zone database, such as `America/New_York` or `Etc/UTC`",
        zh: "未知的时区 `{zone}`：请使用 IANA 时区数据库中的名称，例如 `America/New_York` 或 `Etc/UTC`",
    }
    five_fields(found) {
        en: "a schedule has 5 fields (minute, hour, day of month, month, day of week), found {found}",
        zh: "调度表达式有 5 个字段（分钟、小时、日、月、星期），实际有 {found} 个",
    }
    in_field(field, problem) { en: "{field} field: {problem}", zh: "{field}字段：{problem}" }
    minute() { en: "minute", zh: "分钟" }
    hour() { en: "hour", zh: "小时" }
    day_of_month() { en: "day of month", zh: "日" }
    month() { en: "month", zh: "月" }
    day_of_week() { en: "day of week", zh: "星期" }
    every_needs_duration(problem) {
        en: "`@every` takes a duration such as `90m` or `1h30m`: {problem}",
        zh: "`@every` 后面要写时长，例如 `90m` 或 `1h30m`：{problem}",
    }
    unknown_descriptor(schedule, known) {
        en: "unknown descriptor `{schedule}`; known: {known}, or `@every <duration>`",
        zh: "未知的描述符 `{schedule}`；已知的有：{known}，或 `@every <duration>`",
    }
    two_slashes(expr) { en: "`{expr}` has more than one `/`", zh: "`{expr}` 中有多个 `/`" }
    two_dashes(expr) { en: "`{expr}` has more than one `-`", zh: "`{expr}` 中有多个 `-`" }
    zero_step(expr) { en: "the step in `{expr}` must be above 0", zh: "`{expr}` 中的步长必须大于 0" }
    below_minimum(start, min, expr) {
        en: "{start} is below the minimum {min} in `{expr}`",
        zh: "`{expr}` 中的 {start} 小于最小值 {min}",
    }
    above_maximum(end, max, hint, expr) {
        en: "{end} is above the maximum {max}{hint} in `{expr}`",
        zh: "`{expr}` 中的 {end} 大于最大值 {max}{hint}",
    }
    sunday_is_0() { en: " (Sunday is 0)", zh: "（星期日为 0）" }
    range_backwards(expr) {
        en: "the range `{expr}` starts after it ends",
        zh: "范围 `{expr}` 的起点在终点之后",
    }
    or_a_name(problem, names) {
        en: "{problem} (or a name: {names})",
        zh: "{problem}（或写名称：{names}）",
    }
    negative(word) { en: "`{word}` is negative", zh: "`{word}` 是负数" }
    not_a_number(word) { en: "`{word}` is not a number", zh: "`{word}` 不是数字" }
    too_large(word) { en: "`{word}` is too large", zh: "`{word}` 太大" }
    not_a_duration(text) { en: "`{text}` is not a duration", zh: "`{text}` 不是时长" }
    duration_without_unit(text) {
        en: "`{text}` misses a unit (`s`, `m` or `h`)",
        zh: "`{text}` 缺少单位（`s`、`m` 或 `h`）",
    }
    unknown_unit(unit, text) {
        en: "unknown unit `{unit}` in `{text}`",
        zh: "`{text}` 中的单位 `{unit}` 未知",
    }

    // --- `workload_selector.rs`
    selector_wants_missing(wanted, kind) {
        en: "the selector wants {wanted}, but the pod template has no such label, so the {kind} would not select its own pods",
        zh: "选择算符要求 {wanted}，但 Pod 模板没有这样的标签，因此该 {kind} 选不中它自己的 Pod",
    }
    the_template_labels() { en: "the template's labels", zh: "模板的标签" }
    template_label_disagrees(key, value, wanted, kind) {
        en: "the template's label `{key}: {value}` does not match the selector, which wants {wanted}, so the {kind} would not select its own pods",
        zh: "模板的标签 `{key}: {value}` 与选择算符不匹配（它要求 {wanted}），因此该 {kind} 选不中它自己的 Pod",
    }
    the_selector_requirement() { en: "the selector's requirement", zh: "选择算符的要求" }
    wants_label_value(key, value) { en: "`{key}: {value}`", zh: "`{key}: {value}`" }
    wants_in(key, values) { en: "`{key}` in ({values})", zh: "`{key}` 取值为 {values} 之一" }
    wants_not_in(key, values) { en: "`{key}` not in ({values})", zh: "`{key}` 取值不为 {values}" }
    wants_label(key) { en: "a label `{key}`", zh: "标签 `{key}`" }
    wants_no_label(key) { en: "no label `{key}`", zh: "没有标签 `{key}`" }
    empty_selector(kind) {
        en: "a {kind}'s `selector` may not be empty (it would select every pod of the namespace): set `matchLabels` to labels of the pod template",
        zh: "{kind} 的 `selector` 不能为空（否则会选中命名空间中的所有 Pod）：请把 `matchLabels` 设为 Pod 模板的标签",
    }
    replication_controller_selector() {
        en: "a ReplicationController needs a `selector`, or labels on its pod template for the selector to default to",
        zh: "ReplicationController 需要 `selector`，或在 Pod 模板上设置标签作为选择算符的默认值",
    }
    cron_job_selector() {
        en: "a CronJob's job template may not set `selector`: each Job it creates gets a generated one",
        zh: "CronJob 的 Job 模板不能设置 `selector`：它创建的每个 Job 都会得到自动生成的选择算符",
    }
    cron_job_manual_selector() {
        en: "a CronJob's job template may not set `manualSelector: true`: each Job it creates gets a generated selector",
        zh: "CronJob 的 Job 模板不能设置 `manualSelector: true`：它创建的每个 Job 都会得到自动生成的选择算符",
    }
    manual_selector_needs_selector() {
        en: "with `manualSelector: true` the Job needs a `selector` that matches its pod template's labels",
        zh: "设置 `manualSelector: true` 时，Job 需要一个与其 Pod 模板标签匹配的 `selector`",
    }
    job_selector_generated() {
        en: "a Job's `selector` is generated from its uid: remove `selector`, or set `manualSelector: true` to choose the pods yourself",
        zh: "Job 的 `selector` 由其 uid 生成：请删除 `selector`，或设置 `manualSelector: true` 自行选择 Pod",
    }
    job_name_label(key, name, value) {
        en: "the Job controller selects its pods by `{key}: {name}` (the Job's name); this label says `{value}`: remove it",
        zh: "Job 控制器按 `{key}: {name}`（Job 的名称）选择它的 Pod；此标签的值为 `{value}`：请删除它",
    }
    job_uid_label(key) {
        en: "`{key}` is set by the Job controller to the Job's uid, which a manifest cannot know: remove this label",
        zh: "`{key}` 由 Job 控制器设为 Job 的 uid，清单无法预知它：请删除此标签",
    }
}
