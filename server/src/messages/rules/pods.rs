//! The pod-level rules' messages (`analysis/diagnostics/rules/`: the pod spec, containers, ports, env,
//! probes, volumes and mounts, resources, scheduling, security, sysctls, restart policies) and those of the
//! helpers every rule shares (`fields.rs`: names used twice, one-of fields, declared names).

use crate::messages::messages;

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
    node_name_while_gated() {
        en: "a Pod with `schedulingGates` cannot be created with a `nodeName`: it is bound to a node only once its gates are cleared",
        zh: "带有 `schedulingGates` 的 Pod 创建时不能设置 `nodeName`：只有在调度门控全部清除后它才会被绑定到节点",
    }
    scheduling_gate() { en: "scheduling gate", zh: "调度门控" }
    scheduling_gates_unique() {
        en: "each scheduling gate is listed once",
        zh: "每个调度门控只能列出一次",
    }
    host_namespace_with_user_namespace(field) {
        en: "`{field}: true` cannot be set with `hostUsers: false`: a Pod in its own user namespace shares no other namespace with the node",
        zh: "`{field}: true` 不能与 `hostUsers: false` 同时设置：使用独立用户命名空间的 Pod 不能与节点共享其他命名空间",
    }
    claim_names_unique() {
        en: "a container lists each resource claim (and request) once",
        zh: "容器中每个资源申领（及请求）只能列出一次",
    }
    resource_claim() { en: "resource claim", zh: "资源申领" }
    no_such_resource_claim(value, claims, declared) {
        en: "no resource claim named `{value}` in `{claims}`{declared}",
        zh: "`{claims}` 中没有名为 `{value}` 的资源申领{declared}",
    }
    a_pod_resource_claim() { en: "a pod's resource claim", zh: "Pod 的资源申领" }
    deletion_cost_int32(value) {
        en: "the pod deletion cost `{value}` must be a 32-bit integer written without a `+` or leading zeros",
        zh: "Pod 删除开销 `{value}` 必须是 32 位整数，且不能带 `+` 号或前导零",
    }
    annotation_disagrees(annotation, field) {
        en: "the annotation `{annotation}` says another profile than `{field}`: where both are written they must agree (the annotation is deprecated; keep the field)",
        zh: "注解 `{annotation}` 与 `{field}` 指定的配置不同：两者都写时必须一致（该注解已弃用；请保留字段）",
    }
    apparmor_annotation_no_container(container) {
        en: "this AppArmor annotation names the container `{container}`, which the pod does not have",
        zh: "这个 AppArmor 注解指向容器 `{container}`，但 Pod 中没有这个容器",
    }
    apparmor_annotation_format(value) {
        en: "`{value}` is no AppArmor profile: write `runtime/default`, `unconfined` or `localhost/<profile>`",
        zh: "`{value}` 不是 AppArmor 配置：请写 `runtime/default`、`unconfined` 或 `localhost/<profile>`",
    }
}
