//! The records that keep added articles in the browser's database: what each change writes and
//! deletes, and what reading them back gives (order, duplicates, damaged records).

use parallax_core::local::{key_range, record_key, Changes, LocalArticle, Shelf};

fn article(name: &str, words: &str) -> LocalArticle {
    let text = format!("# {name} headline\n\nThe harbour board met on Tuesday and {words}.\n");
    LocalArticle::from_file(&format!("{name}.md"), text.as_bytes()).unwrap()
}

fn ids(articles: &[LocalArticle]) -> Vec<&str> {
    articles.iter().map(|a| a.id.as_str()).collect()
}

/// Applies changes to a map standing in for the database.
fn apply(db: &mut std::collections::BTreeMap<String, String>, changes: &Changes) {
    for k in &changes.delete {
        db.remove(k);
    }
    for (k, v) in &changes.put {
        db.insert(k.clone(), v.clone());
    }
}

fn restore(
    corpus: &str,
    db: &std::collections::BTreeMap<String, String>,
) -> (Shelf, Vec<LocalArticle>) {
    let (lo, hi) = key_range(corpus);
    let (shelf, articles, unreadable) = Shelf::restore(
        corpus,
        db.iter()
            .filter(|(k, _)| **k >= lo && **k < hi)
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    assert!(unreadable.is_empty(), "{unreadable:?}");
    (shelf, articles)
}

/// (case, additions shown after the change, ids written, ids deleted)
type Step<'a> = (&'a str, Vec<&'a LocalArticle>, Vec<&'a str>, Vec<&'a str>);

#[test]
fn each_change_writes_only_what_changed() {
    let (a, b, c) = (
        article("alpha", "approved the dredging"),
        article("beta", "delayed the ferry tender"),
        article("gamma", "named a new pilot"),
    );
    let steps: Vec<Step> = vec![
        ("first addition", vec![&a], vec![&a.id], vec![]),
        (
            "second addition writes one record",
            vec![&a, &b],
            vec![&b.id],
            vec![],
        ),
        ("the same list writes nothing", vec![&a, &b], vec![], vec![]),
        (
            "a removal deletes one record",
            vec![&b],
            vec![],
            vec![&a.id],
        ),
        (
            "removal and addition at once",
            vec![&b, &c],
            vec![&c.id],
            vec![],
        ),
        ("remove all", vec![], vec![], vec![&b.id, &c.id]),
        (
            "an article added again after removal",
            vec![&a],
            vec![&a.id],
            vec![],
        ),
    ];
    let mut shelf = Shelf::new("seeds");
    let mut db = std::collections::BTreeMap::new();
    for (case, shown, put, delete) in steps {
        let shown: Vec<LocalArticle> = shown.into_iter().cloned().collect();
        let changes = shelf.changes(&shown);
        let put_keys: Vec<String> = changes.put.iter().map(|(k, _)| k.clone()).collect();
        let want_put: Vec<String> = put.iter().map(|id| record_key("seeds", id)).collect();
        let want_delete: Vec<String> = delete.iter().map(|id| record_key("seeds", id)).collect();
        assert_eq!(put_keys, want_put, "{case}: written");
        assert_eq!(changes.delete, want_delete, "{case}: deleted");
        assert_eq!(
            changes.is_empty(),
            put.is_empty() && delete.is_empty(),
            "{case}"
        );
        apply(&mut db, &changes);
        let (back, articles) = restore("seeds", &db);
        assert_eq!(ids(&articles), ids(&shown), "{case}: read back in order");
        assert_eq!(back.len(), shown.len(), "{case}");
        assert_eq!(shelf.len(), shown.len(), "{case}");
    }
}

#[test]
fn reading_back_keeps_the_order_and_the_corpus() {
    let list: Vec<LocalArticle> = ["one", "two", "three", "four"]
        .iter()
        .map(|n| article(n, &format!("discussed item {n}")))
        .collect();
    let mut db = std::collections::BTreeMap::new();
    let mut shelf = Shelf::new("seeds");
    apply(&mut db, &shelf.changes(&list));
    // Another corpus' records in the same database are not this page's.
    let mut other = Shelf::new("seeds-b");
    apply(&mut db, &other.changes(&list[..1]));
    let (mut back, articles) = restore("seeds", &db);
    assert_eq!(ids(&articles), ids(&list));
    assert_eq!(restore("seeds-b", &db).1.len(), 1);
    // A shelf read back numbers new additions after the kept ones.
    let fifth = article("five", "closed the session");
    let mut more = list.clone();
    more.remove(1);
    more.push(fifth.clone());
    apply(&mut db, &back.changes(&more));
    assert_eq!(ids(&restore("seeds", &db).1), ids(&more));
    assert!(back.changes(&more).is_empty());
}

#[test]
fn damaged_records_are_reported_and_left_alone() {
    let a = article("alpha", "approved the dredging");
    let mut shelf = Shelf::new("seeds");
    let good = shelf.changes(std::slice::from_ref(&a)).put.remove(0);
    let b = article("beta", "delayed the ferry tender");
    let other_key_value = Shelf::new("seeds")
        .changes(std::slice::from_ref(&b))
        .put
        .remove(0)
        .1;
    let cases: Vec<(&str, String, String, &str)> = vec![
        (
            "not JSON",
            record_key("seeds", "local-x"),
            "{oops".into(),
            "local-x",
        ),
        (
            "a field missing",
            record_key("seeds", "local-y"),
            r#"{"seq":1}"#.into(),
            "local-y",
        ),
        (
            "the key names another article",
            record_key("seeds", "local-z"),
            other_key_value,
            "local-z",
        ),
    ];
    for (case, key, value, id) in cases {
        let records = [
            (good.0.as_str(), good.1.as_str()),
            (key.as_str(), value.as_str()),
        ];
        let (mut back, articles, unreadable) = Shelf::restore("seeds", records);
        assert_eq!(ids(&articles), vec![a.id.as_str()], "{case}");
        assert_eq!(unreadable.len(), 1, "{case}");
        let message = unreadable[0].to_string();
        assert!(
            message.contains(id) && message.contains("left in storage"),
            "{case}: {message}"
        );
        // Nothing the page does afterwards deletes it.
        assert!(back.changes(&[]).delete.iter().all(|k| *k != key), "{case}");
    }
}

#[test]
fn the_same_article_written_twice_counts_once() {
    let a = article("alpha", "approved the dredging");
    let mut s1 = Shelf::new("seeds");
    let first = s1.changes(std::slice::from_ref(&a)).put.remove(0);
    let records = [
        (first.0.as_str(), first.1.as_str()),
        (first.0.as_str(), first.1.as_str()),
    ];
    let (shelf, articles, unreadable) = Shelf::restore("seeds", records);
    assert!(unreadable.is_empty());
    assert_eq!(articles.len(), 1);
    assert_eq!(shelf.len(), 1);
}
