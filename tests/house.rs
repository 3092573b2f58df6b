//! The shape of the house, checked from the source: no import cycles inside `src/ui` or
//! `src/model` (except into `model::book`, which holds every entity), the model knows no
//! egui, reports never read `io`, and no function needs a `too_many_arguments` allowance.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every source file under `src`, by module path (`ui::fund::ledger`).
fn modules() -> BTreeMap<Vec<String>, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("src reads").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&root).expect("under src").with_extension("");
            let mut path: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
            if path.last().is_some_and(|l| l == "mod" || l == "lib" || l == "main") {
                path.pop();
            }
            let text = std::fs::read_to_string(&p).expect("source reads");
            // Tests sit at the end of a file, inside it: their `super` is the file itself.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default().to_owned();
            (path, code)
        })
        .collect()
}

/// The paths a file names (`crate::…`, `super::…`), braces of `use` lists expanded.
fn paths(code: &str) -> Vec<String> {
    fn expand(prefix: &str, s: &str, out: &mut Vec<String>) {
        let s = s.trim();
        if let Some(open) = s.find('{') {
            let head = format!("{prefix}{}", &s[..open]);
            let inner = &s[open + 1..s.rfind('}').unwrap_or(s.len())];
            let mut depth = 0;
            let mut start = 0;
            for (i, ch) in inner.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&head, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            expand(&head, &inner[start..], out);
        } else if !s.is_empty() {
            out.push(format!("{prefix}{}", s.split(" as ").next().unwrap_or(s)));
        }
    }
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let at_word = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if at_word && rest.starts_with("use ") {
            let end = rest.find(';').unwrap_or(rest.len());
            expand("", &rest[4..end], &mut out);
            i += end;
        } else if at_word && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
            out.push(rest[..end].trim_end_matches(':').to_owned());
            i += end;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The file a path points into, from the file at `from`.
fn target(from: &[String], path: &str, known: &BTreeMap<Vec<String>, String>) -> Option<Vec<String>> {
    let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    let mut base: Vec<String> = match parts.first() {
        Some(&"crate") => {
            parts.remove(0);
            Vec::new()
        }
        Some(&"super") => {
            // Each `super` is one module up, from a `mod.rs` as from any other file.
            let mut b = from.to_vec();
            while parts.first() == Some(&"super") {
                parts.remove(0);
                b.pop();
            }
            b
        }
        _ => return None,
    };
    let mut best = known.contains_key(&base).then(|| base.clone());
    for p in parts {
        base.push(p.to_owned());
        if known.contains_key(&base) {
            best = Some(base.clone());
        }
    }
    best
}

fn edges() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let known = modules();
    let mut graph = BTreeMap::new();
    for (from, code) in &known {
        let inside = |m: &[String]| m.first().is_some_and(|f| f == "ui" || f == "model");
        if !inside(from) {
            continue;
        }
        let entry: &mut BTreeSet<Vec<String>> = graph.entry(from.clone()).or_default();
        for p in paths(code) {
            let Some(to) = target(from, &p, &known) else { continue };
            // A module using its own submodules is the module tree, not a cycle.
            let into_child = to.starts_with(from);
            let into_book = to == ["model", "book"];
            if !into_child && inside(&to) && to.first() == from.first() && !into_book {
                entry.insert(to);
            }
        }
    }
    graph
}

#[test]
fn no_import_cycles_inside_ui_or_model() {
    let graph = edges();
    // Tarjan's strongly connected components; any with more than one file is a cycle.
    struct Walk<'a> {
        graph: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<Vec<String>, usize>,
        low: BTreeMap<Vec<String>, usize>,
        stack: Vec<Vec<String>>,
        on: BTreeSet<Vec<String>>,
        cycles: Vec<Vec<String>>,
    }
    impl Walk<'_> {
        fn visit(&mut self, v: &Vec<String>) {
            let n = self.index.len();
            self.index.insert(v.clone(), n);
            self.low.insert(v.clone(), n);
            self.stack.push(v.clone());
            self.on.insert(v.clone());
            for w in self.graph.get(v).into_iter().flatten() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(lw);
                } else if self.on.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut comp = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on.remove(&w);
                    let done = w == *v;
                    comp.push(w.join("::"));
                    if done {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort();
                    self.cycles.push(comp);
                }
            }
        }
    }
    let mut walk = Walk {
        graph: &graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        cycles: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    let inside: Vec<String> = walk
        .cycles
        .iter()
        .flat_map(|c| {
            let graph = &graph;
            c.iter().flat_map(move |from| {
                let key: Vec<String> = from.split("::").map(str::to_owned).collect();
                graph
                    .get(&key)
                    .into_iter()
                    .flatten()
                    .filter(|to| c.contains(&to.join("::")))
                    .map(move |to| format!("{from} → {}", to.join("::")))
            })
        })
        .collect();
    assert!(walk.cycles.is_empty(), "import cycles: {:#?}\nthrough {inside:#?}", walk.cycles);
}

#[test]
fn the_checker_sees_a_cycle() {
    let known: BTreeMap<Vec<String>, String> = [
        (vec!["ui".to_owned()], String::new()),
        (vec!["ui".to_owned(), "a".to_owned()], String::new()),
        (vec!["ui".to_owned(), "b".to_owned()], String::new()),
    ]
    .into();
    let from = vec!["ui".to_owned(), "a".to_owned()];
    let found: Vec<_> = paths("use super::{b::Thing, Intent};\nlet x = crate::ui::b::f(1);")
        .iter()
        .filter_map(|p| target(&from, p, &known))
        .collect();
    assert_eq!(
        found,
        vec![vec!["ui".to_owned(), "b".to_owned()], vec!["ui".to_owned()], vec!["ui".to_owned(), "b".to_owned()]]
    );
}

#[test]
fn model_knows_no_egui_and_reports_no_io() {
    for (path, code) in modules() {
        let name = path.join("::");
        if path.first().is_some_and(|f| f == "model") {
            assert!(!code.contains("egui::") && !code.contains("use egui"), "{name} names egui");
        }
        if path.first().is_some_and(|f| f == "report") {
            assert!(!code.contains("crate::io") && !code.contains("super::io"), "{name} reads io");
        }
    }
}

#[test]
fn no_function_needs_too_many_arguments() {
    for (path, code) in modules() {
        assert!(!code.contains("too_many_arguments"), "{} allows too many arguments", path.join("::"));
    }
}
