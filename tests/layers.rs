//! The crate's modules are layers: a module may use only the modules below it. The order is
//! written once, on the README's "Layers" line; this test reads it and every `crate::` path in
//! `src/`, and fails naming each import that runs up a layer, and each module the line lacks.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The layers from the top down, as the README's line `**Layers**, from the top down...`
/// names them in backticks, separated by `>`.
fn layers() -> Vec<String> {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let line = readme
        .lines()
        .find(|line| line.starts_with("**Layers**"))
        .expect("a line starting with **Layers** in the README");
    let order = line.split_once(':').map_or(line, |(_, order)| order);
    order
        .split('>')
        .filter_map(|part| {
            let name = part.split('`').nth(1)?;
            Some(name.to_owned())
        })
        .collect()
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/app/mod.rs` is `app`); `None` for
/// the crate root and the binary.
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix("src").expect("under src");
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    let name = first.trim_end_matches(".rs").to_owned();
    (!matches!(name.as_str(), "lib" | "main")).then_some(name)
}

/// The code of `text` without its comments (line comments, doc comments).
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| line.find("//").map_or(line, |at| &line[..at]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules `code` names through `crate::`, alone or in a `crate::{..}` group.
fn used_modules(code: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The names at the group's top level, up to its closing brace.
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        used.insert(ident(group[start..i].trim()));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        used.insert(ident(group[start..i].trim()));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            used.insert(ident(rest));
        }
    }
    used.retain(|name| !name.is_empty() && name != "self");
    used
}

#[test]
fn no_import_runs_up_a_layer() {
    let layers = layers();
    assert!(layers.len() >= 10, "the README's Layers line: {layers:?}");
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    let mut modules = BTreeSet::new();
    let mut upward = Vec::new();
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        modules.insert(module.clone());
        let Some(level) = layers.iter().position(|l| *l == module) else {
            continue;
        };
        let code = without_comments(&std::fs::read_to_string(file).expect("source"));
        for used in used_modules(&code) {
            if used == module {
                continue;
            }
            match layers.iter().position(|l| *l == used) {
                Some(below) if below > level => {}
                Some(_) => upward.push(format!("{}: {module} uses {used}", file.display())),
                None => upward.push(format!("{}: uses {used}, on no layer", file.display())),
            }
        }
    }
    let missing: Vec<_> = modules.iter().filter(|m| !layers.contains(m)).collect();
    assert!(
        missing.is_empty(),
        "modules on no layer of the README: {missing:?}"
    );
    assert!(
        upward.is_empty(),
        "imports that run up a layer:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_reader_of_imports_sees_groups_and_paths() {
    let code = "use crate::{app::X, theme::{self, Y}, content};\nlet a = crate::fit::check();";
    let used = used_modules(code);
    let expected: BTreeSet<String> = ["app", "theme", "content", "fit"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(used, expected);
    assert!(used_modules(&without_comments("// crate::app is named here only")).is_empty());
}
