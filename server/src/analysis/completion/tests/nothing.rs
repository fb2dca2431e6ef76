//! Where nothing can be typed.

use expect_test::expect;

use super::*;

#[test]
fn nothing_where_a_free_value_belongs() {
    check(&two("    workingDir: /sr$0\n"), expect!["nothing"]);
    check("kind: Pod\nmetadata:\n  name: $0\n", expect!["nothing"]);
}

#[test]
fn nothing_in_comments_and_block_scalars() {
    check(&two("    # ima$0\n"), expect!["nothing"]);
    check(&two("    image: nginx # ima$0\n"), expect!["nothing"]);
    check(
        &two("    args:\n    - |\n      ima$0\n"),
        expect!["nothing"],
    );
    check(
        "kind: Pod\nmetadata:\n  annotations:\n    note: >\n      $0\n",
        expect!["nothing"],
    );
}

#[test]
fn nothing_at_levels_the_table_does_not_know() {
    check(
        "kind: Pod\nmetadata:\n  name: x\n        $0\n",
        expect!["nothing"],
    );
    check(
        "kind: Pod\nmetadata:\n  labels:\n    $0\n",
        expect!["nothing"],
    );
    check(
        "kind: Pod\nspec:\n  nodeSeletor:\n    $0\n",
        expect!["nothing"],
    );
    check(
        "apiVersion: v1\nkind: Service\nspec:\n  $0\n",
        expect!["nothing"],
    );
}
