//! The facets of a search: counts of every match by outlet, date, actor and stance, each
//! ignoring its own filter.

use super::*;
use crate::query::Field;
use crate::Corpus;
use filters::{DateFilter, OutletFilter, StanceFilter};

pub(super) fn facets(
    facts: &Facts,
    term_docs: &[u32],
    outlet_ok: &dyn Fn(u32) -> bool,
    date_ok: &dyn Fn(u32) -> bool,
    outlet_filters: &[OutletFilter],
    date_filters: &[DateFilter],
    res: &mut Results,
) {
    // Each facet counts the results of the other filters, so its own values stay selectable.
    let mut outlets = vec![0usize; facts.outlets.len() + 1]; // last: unknown outlet
    let mut dates = vec![0usize; facts.buckets.len()];
    for &d in term_docs {
        if date_ok(d) {
            let ids = &facts.doc_outlets[d as usize];
            if ids.is_empty() {
                outlets[facts.outlets.len()] += 1;
            }
            for &i in ids {
                outlets[i as usize] += 1;
            }
        }
        if outlet_ok(d) {
            dates[facts.doc_bucket[d as usize] as usize] += 1;
        }
    }
    res.outlets = outlets
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .map(|(i, &count)| {
            let id = (i < facts.outlets.len()).then_some(i as u16);
            FacetValue {
                value: id.map_or("Unknown outlet".to_string(), |i| {
                    facts.outlets[i as usize].clone()
                }),
                count,
                selected: OutletFilter::selects(outlet_filters, id),
            }
        })
        .collect();
    res.outlets
        .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    res.dates = dates
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .map(|(i, &count)| FacetValue {
            value: facts.buckets[i].clone(),
            count,
            selected: DateFilter::selects(date_filters, &facts.buckets[i]),
        })
        .collect();
}

/// The actor and stance facets over every matching article that `others_ok` (the outlet and date
/// filters) admits; each facet also respects the stance filters of the other field.
pub(super) fn stance_facets(
    corpus: &Corpus,
    term_docs: &[u32],
    others_ok: &dyn Fn(u32) -> bool,
    filters: &[StanceFilter],
    res: &mut Results,
) {
    let facts = corpus.facts();
    let mut actors = vec![0usize; facts.actors.len()];
    let mut targets = vec![0usize; facts.targets.len()];
    let but = |field: Field, d: u32| {
        filters.is_empty() || StanceFilter::admit_but(filters, Some(field), corpus, d as usize)
    };
    for &d in term_docs.iter().filter(|&&d| others_ok(d)) {
        if but(Field::Actor, d) {
            for &a in &facts.doc_actors[d as usize] {
                actors[a as usize] += 1;
            }
        }
        if but(Field::Stance, d) {
            for &t in &facts.doc_targets[d as usize] {
                targets[t as usize] += 1;
            }
        }
    }
    let facet = |field: Field, counts: Vec<usize>, values: &[String]| {
        let mut out: Vec<FacetValue> = counts
            .into_iter()
            .zip(values)
            .filter(|(count, _)| *count > 0)
            .map(|(count, v)| FacetValue {
                value: v.clone(),
                count,
                selected: StanceFilter::selects_value(filters, field, v),
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        out
    };
    res.actors = facet(Field::Actor, actors, &facts.actors);
    res.stances = facet(Field::Stance, targets, &facts.targets);
}
