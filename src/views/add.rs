//! "Add articles" (`?view=add`): paste a text or drop files; they are ingested and analysed in
//! the page by the core, kept in this browser, and join search, comparison and coverage. The
//! additions can be removed, and exported or imported as a bundle.

use crate::components::export::download;
use crate::local::{read_file, read_pasted, Keeping, Local, ReadError, Report};
use crate::{href, Route};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use parallax_core::local::LocalArticle;
use parallax_core::view_state::ViewState;
use wasm_bindgen::JsCast;

/// The bytes of a dropped or chosen file.
async fn file_bytes(file: &gloo_file::File) -> Result<Vec<u8>, ReadError> {
    gloo_file::futures::read_as_bytes(file)
        .await
        .map_err(|e| ReadError::Unreadable {
            name: file.name(),
            why: e.to_string(),
        })
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<gloo_file::File> {
    list.map(|l| gloo_file::FileList::from(l).iter().cloned().collect())
        .unwrap_or_default()
}

/// Progress of a drop: (done, total, current file).
type Progress = Option<(usize, usize, String)>;

/// The page.
#[component]
pub fn AddView(route: Memo<Route>) -> impl IntoView {
    let local = expect_context::<Local>();
    let report = local.report;
    let progress = move |p: Progress| report.update(|r| r.progress = p);
    let dragging = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let pasted_name = RwSignal::new(String::new());

    // Adds articles (after the ones kept), rebuilding the corpus once.
    let commit = move |new: Vec<LocalArticle>, mut errors: Vec<String>| {
        let (ids, problems) = local.add(new);
        errors.extend(problems);
        report.set(Report {
            added: ids,
            problems: errors,
            progress: None,
        });
    };

    let take_files = move |files: Vec<gloo_file::File>| {
        if files.is_empty() {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let total = files.len();
            let mut new: Vec<LocalArticle> = Vec::new();
            let mut errors = Vec::new();
            for (i, f) in files.iter().enumerate() {
                let name = f.name();
                progress(Some((i, total, name.clone())));
                // Lets the browser paint the progress before the next piece of work.
                TimeoutFuture::new(0).await;
                match file_bytes(f)
                    .await
                    .and_then(|bytes| read_file(&name, &bytes))
                {
                    Ok(articles) => new.extend(articles),
                    Err(e) => errors.push(e.to_string()),
                }
            }
            progress(Some((
                total,
                total,
                format!("Analysing {total} file(s) with the rest of the corpus…"),
            )));
            TimeoutFuture::new(0).await;
            commit(new, errors);
        });
    };

    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        take_files(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        take_files(files_of(input.files()));
        input.set_value("");
    };
    let on_paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match read_pasted(&pasted_name.get_untracked(), &pasted.get_untracked()) {
            Ok(article) => {
                commit(vec![article], Vec::new());
                pasted.set(String::new());
                pasted_name.set(String::new());
            }
            Err(e) => report.set(Report {
                problems: vec![e.to_string()],
                ..Default::default()
            }),
        }
    };
    let remove = move |id: String| {
        let rest: Vec<LocalArticle> = local
            .articles
            .get_untracked()
            .into_iter()
            .filter(|a| a.id != id)
            .collect();
        local.set(rest);
        report.update(|r| {
            r.added.retain(|x| *x != id);
            r.problems.clear();
        });
    };
    let remove_all = move |_| {
        local.set(Vec::new());
        report.set(Report::default());
    };
    let export = move |_| {
        download(
            "parallax-local-articles.json",
            "application/json",
            &local.bundle(),
        );
    };
    let open_link = move |id: String| {
        route.with(|r| {
            href(
                &r.path,
                &ViewState {
                    doc: Some(id),
                    ..Default::default()
                },
            )
        })
    };

    let list = move || {
        let corpus = local.corpus.get();
        let articles = local.articles.get();
        if articles.is_empty() {
            return view! { <p class="empty-note" data-testid="no-local">"No articles added in this browser yet."</p> }.into_any();
        }
        let items = articles
            .into_iter()
            .map(|l| {
                let a = corpus.get(&l.id);
                let title = a.map_or(l.file_name.clone(), |a| a.title.text.clone());
                let meta = a.map(|a| format!("{} · {} · {} words", a.outlet_label(), a.date.human(), a.word_count()));
                let id = l.id.clone();
                let fresh = {
                    let id = l.id.clone();
                    move || report.with(|r| r.added.contains(&id))
                };
                view! {
                    <li class="local-item" class:fresh=fresh data-testid="local-item" data-id=l.id.clone()>
                        <div>
                            <a href=open_link(l.id.clone()) class="local-title">{title}</a>
                            <span class="local-meta">{l.file_name.clone()} {meta.map(|m| format!(" · {m}"))}</span>
                        </div>
                        <button type="button" class="remove-local" on:click=move |_| remove(id.clone())
                            aria-label=format!("Remove {}", l.file_name) data-testid="remove-local">"Remove"</button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="local-list" data-testid="local-list">{items}</ul>
            <div class="local-actions">
                <button type="button" on:click=export data-testid="export-bundle">"Export as a bundle (JSON)"</button>
                <button type="button" on:click=remove_all data-testid="remove-all">"Remove all"</button>
            </div>
        }
        .into_any()
    };
    let status = move || {
        report
            .with(|r| r.progress.clone())
            .map(|(done, total, what)| {
                view! {
                    <div class="progress" role="status" data-testid="progress">
                        <progress max=total value=done></progress>
                        <span>{format!("{done} of {total}: {what}")}</span>
                    </div>
                }
            })
    };
    let keeping = move || {
        local.keeping.with(|k| match k {
            Keeping::NotKept(e) => view! {
                <p class="storage-notice" role="alert" data-testid="storage-notice">{e.to_string()}</p>
            }
            .into_any(),
            _ => {
                let (state, words) = if local.writing.get() > 0 {
                    ("saving", "Saving the change in this browser…")
                } else {
                    ("kept", "Kept in this browser.")
                };
                view! {
                    <p class="kept-status" data-testid="kept-status" data-state=state>{words}</p>
                }
                .into_any()
            }
        })
    };
    let report = move || {
        let (errs, ids) = report.with(|r| (r.problems.clone(), r.added.clone()));
        view! {
            {(!ids.is_empty()).then(|| view! {
                <p class="added-note" role="status" data-testid="added-note">
                    {format!("Added {} article{}. They are in the list, search, comparison and coverage now.", ids.len(), if ids.len() == 1 { "" } else { "s" })}
                </p>
            })}
            {(!errs.is_empty()).then(|| view! {
                <ul class="add-problems" role="alert" data-testid="add-problems">
                    {errs.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                </ul>
            })}
        }
    };
    view! {
        <section class="add-view" aria-labelledby="add-heading" data-testid="add-view">
            <h1 id="add-heading">"Add articles"</h1>
            <p class="section-note">"Articles you add are read and analysed here, in your browser, by the same code that built this page; nothing is uploaded. They are kept in this browser until you remove them, marked “added locally”, and a link to one tells the person you send it to that they do not have it — export a bundle to pass them on."</p>
            {status}
            {keeping}
            {report}
            <div class="add-grid">
                <div
                    class="drop-zone panel"
                    class:dragging=move || dragging.get()
                    data-testid="drop-zone"
                    on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop
                >
                    <h2>"Drop files"</h2>
                    <p>"Drop article files (.txt, .html) or a bundle (.json) here, or"</p>
                    <label class="file-button">
                        "choose files"
                        <input type="file" multiple accept=".txt,.text,.html,.htm,.md,.json,text/plain,text/html,application/json" on:change=on_pick data-testid="file-input" class="visually-hidden" />
                    </label>
                </div>
                <form class="paste panel" on:submit=on_paste>
                    <h2><label for="paste-text">"Paste an article"</label></h2>
                    <textarea id="paste-text" rows="8" placeholder="Headline\n\nFirst paragraph…" data-testid="paste-text"
                        prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                    <div class="paste-row">
                        <label>"Name " <input type="text" placeholder="my-article" data-testid="paste-name"
                            prop:value=move || pasted_name.get() on:input=move |ev| pasted_name.set(event_target_value(&ev)) /></label>
                        <button type="submit" data-testid="paste-add">"Add this text"</button>
                    </div>
                </form>
            </div>
            <section class="panel" aria-labelledby="local-heading">
                <h2 id="local-heading">"Added in this browser"</h2>
                {list}
            </section>
        </section>
    }
}
