//! The share button (on every view, in the header): a panel with the view's link and, for an
//! article or a comparison, a citation line; each with a copy button. Escape closes the panel and
//! gives focus back to the button.

use crate::Route;
use leptos::ev;
use leptos::html::{Button, Input};
use leptos::prelude::*;
use parallax_core::{citation, Corpus};

/// Copies `text` to the clipboard; `done` is told whether it worked.
fn copy(text: String, done: impl Fn(bool) + 'static) {
    let clipboard = window().navigator().clipboard();
    leptos::task::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
            .await
            .is_ok();
        done(ok);
    });
}

/// The share button and its panel.
#[component]
pub fn Share(corpus: std::sync::Arc<Corpus>, route: Memo<Route>) -> impl IntoView {
    let open = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let button: NodeRef<Button> = NodeRef::new();
    let link_input: NodeRef<Input> = NodeRef::new();
    // The full address of the view, read when the panel opens and whenever the view changes.
    let link = Memo::new(move |_| {
        route.track();
        open.track();
        window().location().href().unwrap_or_default()
    });
    let cite = Memo::new(move |_| {
        let url = link.get();
        route.with(|r| {
            let compared: Vec<_> = r
                .state
                .compare
                .iter()
                .filter_map(|id| corpus.get(id))
                .collect();
            if compared.len() >= 2 {
                Some(citation::comparison(&compared, &url))
            } else {
                let a = corpus.get(r.state.doc.as_deref()?)?;
                Some(citation::article(a, &url))
            }
        })
    });
    let close = move || {
        open.set(false);
        status.set(String::new());
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let handle = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" && open.get_untracked() {
            e.prevent_default();
            close();
        }
    });
    on_cleanup(move || handle.remove());

    let copy_with = move |what: &'static str, text: String| {
        copy(text, move |ok| {
            status.set(if ok {
                format!("{what} copied.")
            } else {
                // Copying can be blocked (an insecure origin, a denied permission): select instead.
                if let Some(i) = link_input.get_untracked() {
                    i.select();
                }
                "Copying is not allowed here; the link is selected — press Ctrl+C (⌘C) to copy it."
                    .to_string()
            })
        });
    };

    let select_all = move |_| {
        if let Some(i) = link_input.get_untracked() {
            i.select();
        }
    };

    view! {
        <div class="share">
            <button
                type="button"
                class="share-button"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls="share-panel"
                data-testid="share-button"
                on:click=move |_| {
                    if open.get_untracked() { close() } else { open.set(true) }
                }
            >
                "Share"
            </button>
            <div
                id="share-panel"
                class="share-panel"
                role="dialog"
                aria-label="Share this view"
                hidden=move || !open.get()
                data-testid="share-panel"
            >
                <label for="share-link">"Link to this view"</label>
                <div class="share-row">
                    <input
                        id="share-link"
                        type="text"
                        readonly=true
                        node_ref=link_input
                        prop:value=move || link.get()
                        data-testid="share-link"
                        on:focus=select_all
                    />
                    <button type="button" on:click=move |_| copy_with("Link", link.get_untracked())>
                        "Copy link"
                    </button>
                </div>
                {move || cite.get().map(|c| {
                    let text = c.clone();
                    view! {
                        <p class="share-label" id="share-cite-label">"Citation"</p>
                        <div class="share-row">
                            <p class="citation" aria-labelledby="share-cite-label" data-testid="citation">{c}</p>
                            <button type="button" on:click=move |_| copy_with("Citation", text.clone())>
                                "Copy citation"
                            </button>
                        </div>
                    }
                })}
                <p class="share-status" role="status" data-testid="share-status">{move || status.get()}</p>
                <button type="button" class="share-close" on:click=move |_| close()>"Close"</button>
            </div>
        </div>
    }
}
