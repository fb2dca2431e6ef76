//! `podls rules`, `podls rule CODE`, the generated `docs/rules.md`, SARIF's rule help, shell completions,
//! the man page and `podls --version`, through the real binary.

use std::process::Command;

use expect_test::expect_file;
use podls::analysis::{Code, RuleDoc};
use podls_e2e::{POD, binary};
use serde_json::Value;

fn podls(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(binary())
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("run podls");
    (
        output.status.code().expect("exited"),
        String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    )
}

#[test]
fn rules_lists_every_code_with_its_severity_and_one_line() {
    let (code, stdout, _) = podls(&["rules"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), Code::ALL.len(), "{stdout}");
    for (line, code) in lines.iter().zip(Code::ALL) {
        let doc = RuleDoc::of(*code);
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words[0], code.as_str(), "{line}");
        assert_eq!(
            words[1],
            format!("{:?}", doc.severity).to_lowercase(),
            "{line}"
        );
        assert_eq!(words[2] == "fix", doc.has_fix(), "{line}");
        assert!(line.ends_with(code.summary()), "{line}");
    }
}

#[test]
fn rule_explains_every_code_with_an_example_podls_really_reports() {
    for code in Code::ALL {
        let (status, stdout, stderr) = podls(&["rule", code.as_str()]);
        assert_eq!(status, 0, "{code}: {stderr}");
        assert!(
            stdout.starts_with(&format!("# {code}\n\n{}\n", code.summary())),
            "{stdout}"
        );
        for heading in [
            "- **Severity:** ",
            "- **Quick fix:** ",
            "- **Follows:** ",
            "## What it checks\n",
            "## Why it matters\n",
            "## Example\n\n```yaml\n",
            "## Fixed\n\n```yaml\n",
            "## What podls reports on the example\n",
        ] {
            assert!(
                stdout.contains(heading),
                "{code}: no {heading:?} in\n{stdout}"
            );
        }
        let reported = stdout
            .split("## What podls reports on the example\n")
            .nth(1)
            .unwrap();
        assert!(
            reported.contains(&format!("[{code}]: ")),
            "{code}: the example's finding is printed:\n{reported}"
        );
    }
}

#[test]
fn rule_and_rules_speak_chinese_with_the_same_codes_and_examples() {
    for code in Code::ALL {
        let (status, zh, _) = podls(&["rule", code.as_str(), "--locale", "zh-cn"]);
        assert_eq!(status, 0);
        let doc = RuleDoc::of(*code);
        assert!(zh.starts_with(&format!("# {code}\n\n")), "{zh}");
        for heading in ["## 检查内容\n", "## 为何重要\n", "## 示例\n", "## 修正后\n"] {
            assert!(zh.contains(heading), "{code}: no {heading:?} in\n{zh}");
        }
        assert!(zh.contains(doc.example), "{code}: the same example");
        assert!(!zh.contains(doc.why), "{code}: the prose is translated");
        assert!(podls_e2e::has_chinese(&zh));
    }
    let (_, table, _) = podls(&["rules", "--locale", "zh-cn"]);
    assert_eq!(table.lines().count(), Code::ALL.len());
    assert!(table.lines().all(podls_e2e::has_chinese), "{table}");
    let (status, _, stderr) = podls(&["rule", "unknwn-field", "--locale", "zh-cn"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("`unknown-field`") && podls_e2e::has_chinese(&stderr),
        "{stderr}"
    );
}

#[test]
fn an_unknown_code_is_a_usage_error_with_the_code_meant() {
    let (status, stdout, stderr) = podls(&["rule", "unknwn-field"]);
    assert_eq!(status, 2);
    assert_eq!(stdout, "");
    assert!(stderr.contains("did you mean `unknown-field`?"), "{stderr}");
}

/// `docs/rules.md` is what `podls rules --format markdown` prints (`UPDATE_EXPECT=1` rewrites it).
#[test]
fn docs_rules_md_is_up_to_date() {
    let (status, page, _) = podls(&["rules", "--format", "markdown"]);
    assert_eq!(status, 0);
    for code in Code::ALL {
        assert!(page.contains(&format!("\n## {code}\n")), "{code}");
    }
    expect_file!["../../docs/rules.md"].assert_eq(&page);
}

#[test]
fn sarif_rules_link_their_docs_and_describe_them_in_full() {
    let dir = std::env::temp_dir().join(format!("podls-rules-sarif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("pod.yaml"), POD).unwrap();
    let output = Command::new(binary())
        .args(["check", "--format", "sarif", "pod.yaml"])
        .current_dir(&dir)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let sarif: Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), Code::ALL.len());
    for (rule, code) in rules.iter().zip(Code::ALL) {
        let doc = RuleDoc::of(*code);
        assert_eq!(rule["id"], code.as_str());
        let uri = rule["helpUri"].as_str().unwrap();
        assert!(
            uri.starts_with("https://") && uri.ends_with(&format!("/docs/rules.md#{code}")),
            "{uri}"
        );
        assert_eq!(rule["fullDescription"]["text"], doc.checks);
        let help = rule["help"]["markdown"].as_str().unwrap();
        assert!(help.contains(doc.example), "{code}: {help}");
        assert!(rule["help"]["text"].as_str().unwrap().contains(doc.why));
    }
}

#[test]
fn completions_cover_every_subcommand_and_check_flag_in_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (status, script, stderr) = podls(&["completions", shell]);
        assert_eq!(status, 0, "{shell}: {stderr}");
        // Flags without their dashes: fish writes `-l format`.
        for word in ["check", "explain", "rules", "format", "statistics"] {
            assert!(script.contains(word), "{shell}: no {word} in the script");
        }
        // clap_complete's PowerShell script completes flags and subcommands, not their values.
        if shell != "powershell" {
            for value in ["concise", "junit", "github"] {
                assert!(script.contains(value), "{shell}: no {value} in the script");
            }
        }
    }
    let (status, _, _) = podls(&["completions", "tcsh"]);
    assert_eq!(status, 2);
}

#[test]
fn the_man_page_documents_the_commands_and_one_page_per_subcommand_is_written() {
    let (status, page, _) = podls(&["man"]);
    assert_eq!(status, 0);
    assert!(
        page.starts_with(".ie") || page.contains(".TH podls 1"),
        "{page}"
    );
    assert!(page.contains("check"), "{page}");
    let dir = std::env::temp_dir().join(format!("podls-man-{}", std::process::id()));
    let (status, _, stderr) = podls(&["man", "--dir", dir.to_str().unwrap()]);
    assert_eq!(status, 0, "{stderr}");
    let check = std::fs::read_to_string(dir.join("podls-check.1")).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(check.contains("statistics"), "{check}");
}

#[test]
fn version_says_the_version_commit_and_kubernetes_versions() {
    for flag in ["--version", "-V"] {
        let (status, stdout, _) = podls(&[flag]);
        assert_eq!(status, 0);
        let mut lines = stdout.lines();
        assert_eq!(
            lines.next(),
            Some(format!("podls {}", env!("CARGO_PKG_VERSION")).as_str())
        );
        let commit = lines.next().unwrap();
        let hash = commit.strip_prefix("commit: ").unwrap();
        assert!(
            hash == "unknown" || (hash.len() == 12 && hash.bytes().all(|b| b.is_ascii_hexdigit())),
            "{commit}"
        );
        let kubernetes = lines.next().unwrap();
        assert!(
            kubernetes.starts_with("Kubernetes: field table of 1."),
            "{kubernetes}"
        );
    }
}
