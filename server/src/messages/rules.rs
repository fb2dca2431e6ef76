//! The cross-field rules' messages (`analysis/diagnostics/rules/`, one section per rule file) and those of
//! the helpers they share (`fields.rs`: names used twice, one-of fields, declared names).

use super::messages;

messages! {
    // --- shared (`diagnostics/fields.rs`)
    duplicate_name(what, value, rule) {
        en: "duplicate {what} `{value}`: {rule}",
        zh: "重复的{what} `{value}`：{rule}",
    }
    first_used_here(value) {
        en: "`{value}` first used here",
        zh: "`{value}` 第一次使用在这里",
    }
    set_here(name) {
        en: "`{name}` set here",
        zh: "`{name}` 在这里设置",
    }
    needs_exactly_one(what, options) {
        en: "{what} needs exactly one of {options}; none is set",
        zh: "{what}需要且只能设置 {options} 中的一个；目前一个也没有设置",
    }
    takes_exactly_one(what, options, first, name) {
        en: "{what} takes exactly one of {options}; `{first}` is already set, so remove `{name}` or `{first}`",
        zh: "{what}只能设置 {options} 中的一个；已经设置了 `{first}`，请删除 `{name}` 或 `{first}`",
    }
    declared(names) {
        en: " (declared: {names})",
        zh: "（已声明：{names}）",
    }

    // --- `pod_spec.rs`
    container_name() { en: "container name", zh: "容器名" }
    container_names_unique() {
        en: "container names must be unique across initContainers, containers and ephemeralContainers",
        zh: "容器名在 initContainers、containers 和 ephemeralContainers 中必须唯一",
    }
    dns_config_too_many(field, max, count) {
        en: "`dnsConfig.{field}` may list at most {max} entries, found {count}",
        zh: "`dnsConfig.{field}` 最多列出 {max} 项，实际有 {count} 项",
    }
    dns_none_needs_nameserver() {
        en: "`dnsPolicy: None` requires `dnsConfig` with at least one nameserver",
        zh: "`dnsPolicy: None` 要求 `dnsConfig` 中至少有一个 nameserver",
    }
    share_process_namespace_and_host_pid() {
        en: "`shareProcessNamespace` and `hostPID` cannot both be true",
        zh: "`shareProcessNamespace` 和 `hostPID` 不能同时为 true",
    }
    status_in_manifest() {
        en: "`status` is written by the cluster: the API server ignores it on create; remove it from the manifest",
        zh: "`status` 由集群写入：API 服务器在创建时会忽略它；请从清单中删除",
    }

    // --- `container.rs`
    init_container_forbidden(field) {
        en: "an init container may not set `{field}` unless it is a sidecar (`restartPolicy: Always`)",
        zh: "init 容器不能设置 `{field}`，除非它是边车容器（`restartPolicy: Always`）",
    }
    ephemeral_container_forbidden(field) {
        en: "ephemeral containers may not set `{field}`",
        zh: "临时容器（ephemeral container）不能设置 `{field}`",
    }
    unknown_target_container(value) {
        en: "`targetContainerName` `{value}` names no container or init container of this Pod",
        zh: "`targetContainerName` `{value}` 不是此 Pod 中任何容器或 init 容器的名字",
    }
    stop_signal_needs_os(path) {
        en: "`lifecycle.stopSignal` requires `{path}` to be set",
        zh: "设置 `lifecycle.stopSignal` 时必须同时设置 `{path}`",
    }
    image_without_tag(image, policy) {
        en: "image `{image}` has no tag, so it means `{image}:latest`: which version runs can change at any pull{policy}; pin a version tag or digest",
        zh: "镜像 `{image}` 没有标签，即 `{image}:latest`：每次拉取时运行的版本都可能改变{policy}；请固定版本标签或摘要",
    }
    image_latest(image, policy) {
        en: "image `{image}` uses the `latest` tag: which version runs can change at any pull{policy}; pin a version tag or digest",
        zh: "镜像 `{image}` 使用 `latest` 标签：每次拉取时运行的版本都可能改变{policy}；请固定版本标签或摘要",
    }
    pull_policy_defaults_always() {
        en: ", and imagePullPolicy then defaults to `Always`",
        zh: "，而且 imagePullPolicy 此时默认为 `Always`",
    }

    // --- `container_port.rs`
    port_name() { en: "port name", zh: "端口名" }
    port_names_unique() {
        en: "port names must be unique within a container",
        zh: "同一容器中的端口名必须唯一",
    }
    host_network_host_port(container_port, host) {
        en: "with `hostNetwork: true` the hostPort must equal the containerPort ({container_port}), found {host}",
        zh: "设置 `hostNetwork: true` 时，hostPort 必须等于 containerPort（{container_port}），实际为 {host}",
    }
    change_host_port(port) {
        en: "Change the hostPort to `{port}`",
        zh: "把 hostPort 改为 `{port}`",
    }
    host_port_taken(port, protocol) {
        en: "hostPort {port}/{protocol} is already used by another port of this Pod; each protocol/hostIP/hostPort may be bound once",
        zh: "hostPort {port}/{protocol} 已被此 Pod 的另一个端口占用；每个 protocol/hostIP/hostPort 组合只能绑定一次",
    }
    first_bound_here() { en: "first bound here", zh: "第一次绑定在这里" }

    // --- `env.rs`
    value_and_value_from() {
        en: "`value` and `valueFrom` are mutually exclusive: keep one",
        zh: "`value` 和 `valueFrom` 互斥：只能保留一个",
    }
    value_from() { en: "`valueFrom`", zh: "`valueFrom` " }
    an_env_from_entry() { en: "an `envFrom` entry", zh: "`envFrom` 条目" }
    remove_first_env(name) {
        en: "Remove the first `{name}` (it has no effect)",
        zh: "删除第一个 `{name}`（它不起作用）",
    }
    env_set_twice(name) {
        en: "environment variable `{name}` is set twice in this container; the last one wins",
        zh: "环境变量 `{name}` 在此容器中设置了两次；以最后一次为准",
    }
    first_set_here(name) {
        en: "`{name}` first set here",
        zh: "`{name}` 第一次设置在这里",
    }

    // --- `probe.rs`
    a_probe() { en: "a probe", zh: "探针" }
    a_lifecycle_handler() { en: "a lifecycle handler", zh: "生命周期处理器" }
    success_threshold_one(kind, n) {
        en: "`successThreshold` of a {kind} must be 1, found {n}",
        zh: "{kind} 的 `successThreshold` 必须为 1，实际为 {n}",
    }
    readiness_no_grace_period() {
        en: "a readinessProbe may not set `terminationGracePeriodSeconds`",
        zh: "readinessProbe 不能设置 `terminationGracePeriodSeconds`",
    }
    unknown_port_name(name, declared, what) {
        en: "the container declares no port named `{name}`{declared}: the API server accepts the Pod, but the kubelet cannot resolve the name and the {what} fails at run time",
        zh: "容器没有声明名为 `{name}` 的端口{declared}：API 服务器会接受该 Pod，但 kubelet 无法解析这个名字，{what}会在运行时失败",
    }
    the_probe() { en: "probe", zh: "探针" }
    the_hook() { en: "hook", zh: "钩子" }
    sleep_beyond_grace(seconds, grace) {
        en: "`sleep.seconds` ({seconds}) must not exceed the pod's `terminationGracePeriodSeconds` ({grace}): the container is killed before the sleep ends",
        zh: "`sleep.seconds`（{seconds}）不能超过 Pod 的 `terminationGracePeriodSeconds`（{grace}）：睡眠结束前容器就会被杀掉",
    }

    // --- `volume.rs`
    volume_name() { en: "volume name", zh: "卷名" }
    volume_names_unique() {
        en: "volume names must be unique in a Pod",
        zh: "同一 Pod 中的卷名必须唯一",
    }
    one_volume_type(first) {
        en: "a volume may not specify more than one volume type; `{first}` is already set",
        zh: "一个卷只能指定一种卷类型；已经设置了 `{first}`",
    }
    a_projected_source() { en: "a projected volume source", zh: "投射卷的来源" }
    projected_path() { en: "projected path", zh: "投射路径" }
    projected_paths_distinct() {
        en: "each source of a projected volume must write its files to distinct paths",
        zh: "投射卷的各个来源必须把文件写到不同的路径",
    }
    ephemeral_claim_name(name) {
        en: "`{name}` is the PVC created for an `ephemeral` volume of this pod (`<pod name>-<volume name>`); a `persistentVolumeClaim` volume must name another claim",
        zh: "`{name}` 是为此 Pod 的 `ephemeral` 卷创建的 PVC（`<pod name>-<volume name>`）；`persistentVolumeClaim` 卷必须引用其他申领",
    }

    // --- `volume_mount.rs`
    field_word(name) { en: "{name}", zh: " {name}" }
    mount_paths_distinct() {
        en: "each volumeMount of a container needs its own mountPath",
        zh: "容器的每个 volumeMount 都需要各自的 mountPath",
    }
    device_paths_distinct() {
        en: "each volumeDevice of a container needs its own devicePath",
        zh: "容器的每个 volumeDevice 都需要各自的 devicePath",
    }
    nor_in(templates) { en: " nor in `{templates}`", zh: "，`{templates}` 中也没有" }
    no_such_volume(value, volumes, claims, declared) {
        en: "no volume named `{value}` in `{volumes}`{claims}{declared}",
        zh: "`{volumes}` 中没有名为 `{value}` 的卷{claims}{declared}",
    }
    bidirectional_needs_privileged() {
        en: "`mountPropagation: Bidirectional` is only allowed in a privileged container (`securityContext.privileged: true`)",
        zh: "只有特权容器（`securityContext.privileged: true`）才能使用 `mountPropagation: Bidirectional`",
    }
    recursive_read_only_needs_read_only() {
        en: "`recursiveReadOnly` other than `Disabled` requires `readOnly: true`",
        zh: "`recursiveReadOnly` 不为 `Disabled` 时要求 `readOnly: true`",
    }
    sub_path_and_expr() {
        en: "`subPath` and `subPathExpr` are mutually exclusive",
        zh: "`subPath` 和 `subPathExpr` 互斥",
    }
    device_needs_block_source(name, source) {
        en: "volume `{name}` is a `{source}` volume; `volumeDevices` may only use `persistentVolumeClaim` or `ephemeral` volumes",
        zh: "卷 `{name}` 是 `{source}` 卷；`volumeDevices` 只能使用 `persistentVolumeClaim` 或 `ephemeral` 卷",
    }
    device_also_mounted(name) {
        en: "volume `{name}` is also in this container's `volumeMounts`; a container may mount a volume or use it as a device, not both",
        zh: "卷 `{name}` 也出现在此容器的 `volumeMounts` 中；容器对同一个卷只能挂载或用作设备，不能两者兼有",
    }
    device_path_is_mount(path) {
        en: "`{path}` is also a mountPath of this container; a path may be a mount or a device, not both",
        zh: "`{path}` 也是此容器的 mountPath；同一路径只能用于挂载或设备，不能两者兼有",
    }

    // --- `resources.rs`
    request_above_limit(name, request, limit) {
        en: "the {name} request ({request}) is above its limit ({limit}); a request must be less than or equal to the limit",
        zh: "{name} 的请求值（{request}）高于其限制值（{limit}）；请求值必须小于或等于限制值",
    }
    request_must_equal_limit(name, request, limit) {
        en: "`{name}` cannot be overcommitted: its request ({request}) must equal its limit ({limit})",
        zh: "`{name}` 不能超售：其请求值（{request}）必须等于限制值（{limit}）",
    }
    resource_limit(name) { en: "{name} limit", zh: "{name} 的限制值" }
    change_request(value) { en: "Change the request to `{value}`", zh: "把请求值改为 `{value}`" }
    change_limit(value) { en: "Change the limit to `{value}`", zh: "把限制值改为 `{value}`" }
    needs_equal_limit(name) {
        en: "`{name}` cannot be overcommitted: set a limit equal to the request",
        zh: "`{name}` 不能超售：请设置与请求值相等的限制值",
    }

    // --- `scheduling.rs`
    toleration_without_key() {
        en: "a toleration without `key` must use `operator: Exists` (it then tolerates every taint)",
        zh: "没有 `key` 的容忍度必须使用 `operator: Exists`（这样它会容忍所有污点）",
    }
    exists_without_value() {
        en: "`value` must be empty when `operator` is `Exists`",
        zh: "`operator` 为 `Exists` 时 `value` 必须为空",
    }
    toleration_seconds_no_execute() {
        en: "`tolerationSeconds` is only allowed with `effect: NoExecute`",
        zh: "只有 `effect: NoExecute` 时才能设置 `tolerationSeconds`",
    }
    operator_needs_values(operator) {
        en: "operator `{operator}` needs at least one value in `values`",
        zh: "运算符 `{operator}` 要求 `values` 中至少有一个值",
    }
    operator_takes_no_values(operator) {
        en: "operator `{operator}` takes no `values`",
        zh: "运算符 `{operator}` 不接受 `values`",
    }
    operator_needs_one_integer(operator) {
        en: "operator `{operator}` needs exactly one integer in `values`",
        zh: "运算符 `{operator}` 要求 `values` 中恰好有一个整数",
    }
    match_label_key_in_selector(key) {
        en: "`{key}` is in both `matchLabelKeys` and `labelSelector`: the API server adds `{key} In (<this pod's value>)` to the selector; remove it from one of them",
        zh: "`{key}` 同时出现在 `matchLabelKeys` 和 `labelSelector` 中：API 服务器会把 `{key} In (<this pod's value>)` 加入选择算符；请从其中一处删除",
    }
    match_and_mismatch_key(key) {
        en: "`{key}` is in both `matchLabelKeys` and `mismatchLabelKeys`; keep it in one of them",
        zh: "`{key}` 同时出现在 `matchLabelKeys` 和 `mismatchLabelKeys` 中；只能保留在其中一处",
    }
    min_domains_needs_do_not_schedule() {
        en: "`minDomains` may only be set with `whenUnsatisfiable: DoNotSchedule`",
        zh: "只有 `whenUnsatisfiable: DoNotSchedule` 时才能设置 `minDomains`",
    }
    duplicate_spread_constraint(key, when) {
        en: "another topology spread constraint already uses topologyKey `{key}` with whenUnsatisfiable `{when}`",
        zh: "已有另一个拓扑分布约束使用了 topologyKey `{key}` 和 whenUnsatisfiable `{when}`",
    }

    // --- `security_context.rs`
    privileged_escalation() {
        en: "`allowPrivilegeEscalation: false` cannot be combined with `privileged: true` (a privileged container can always escalate)",
        zh: "`allowPrivilegeEscalation: false` 不能与 `privileged: true` 同时使用（特权容器总是可以提权）",
    }
    sys_admin_escalation() {
        en: "`allowPrivilegeEscalation: false` cannot be combined with adding `CAP_SYS_ADMIN` (that capability allows escalation)",
        zh: "`allowPrivilegeEscalation: false` 不能与添加 `CAP_SYS_ADMIN` 同时使用（该能力允许提权）",
    }
    unmasked_needs_user_namespace(host_users) {
        en: "`procMount: Unmasked` requires `{host_users}: false` (the pod must run in its own user namespace)",
        zh: "`procMount: Unmasked` 要求 `{host_users}: false`（Pod 必须运行在自己的用户命名空间中）",
    }
    localhost_needs_profile() {
        en: "`type: Localhost` requires `localhostProfile`",
        zh: "`type: Localhost` 要求设置 `localhostProfile`",
    }
    profile_needs_localhost() {
        en: "`localhostProfile` may only be set with `type: Localhost`",
        zh: "只有 `type: Localhost` 时才能设置 `localhostProfile`",
    }
    linux_only(field, os, path) {
        en: "`{field}` is Linux-only and cannot be set for a pod with `os.name: {os}`; remove it or change `{path}`",
        zh: "`{field}` 仅适用于 Linux，不能在 `os.name: {os}` 的 Pod 中设置；请删除它或修改 `{path}`",
    }
    windows_only(field, os, path) {
        en: "`{field}` is Windows-only and cannot be set for a pod with `os.name: {os}`; remove it or change `{path}`",
        zh: "`{field}` 仅适用于 Windows，不能在 `os.name: {os}` 的 Pod 中设置；请删除它或修改 `{path}`",
    }

    // --- `sysctl.rs`
    sysctl() { en: "sysctl", zh: " sysctl 参数" }
    sysctl_once() { en: "each sysctl may be set once", zh: "每个 sysctl 只能设置一次" }
    invalid_sysctl_name(name, max) {
        en: "invalid sysctl name `{name}`: must be at most {max} characters of `.`- or `/`-separated parts of lowercase letters, digits, `-` and `_`, each starting and ending with a letter or digit",
        zh: "sysctl 名称 `{name}` 无效：最多 {max} 个字符，由 `.` 或 `/` 分隔的若干段组成，每段只含小写字母、数字、`-` 和 `_`，并以字母或数字开头和结尾",
    }
    namespaced_sysctl(name, field) {
        en: "sysctl `{name}` is namespaced and cannot be set with `{field}: true` (the pod shares the node's namespace); remove it or `{field}`",
        zh: "sysctl `{name}` 属于命名空间级，不能与 `{field}: true` 同时使用（Pod 共享节点的命名空间）；请删除它或 `{field}`",
    }

    // --- `restart_policy.rs` and `pod_failure_policy.rs`
    too_many_entries(what, max, found) {
        en: "`{what}` may list at most {max} entries, found {found}",
        zh: "`{what}` 最多列出 {max} 项，实际有 {found} 项",
    }
    rules_need_restart_policy() {
        en: "`restartPolicyRules` require the container's `restartPolicy` to be set (`Always`, `OnFailure` or `Never`)",
        zh: "使用 `restartPolicyRules` 时必须设置容器的 `restartPolicy`（`Always`、`OnFailure` 或 `Never`）",
    }
    exit_code() { en: "exit code", zh: "退出码" }
    exit_code_once() { en: "each exit code may be listed once", zh: "每个退出码只能列出一次" }
    resize_policy_resource() { en: "resize policy resource", zh: "调整策略资源" }
    one_resize_policy() {
        en: "each resource may have one resize policy per container",
        zh: "每个容器中每种资源只能有一个调整策略",
    }
    resize_policy_never() {
        en: "with the pod's `restartPolicy: Never` a resize policy's `restartPolicy` must be `NotRequired` (the container cannot be restarted)",
        zh: "Pod 为 `restartPolicy: Never` 时，调整策略的 `restartPolicy` 必须为 `NotRequired`（容器无法重启）",
    }

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
