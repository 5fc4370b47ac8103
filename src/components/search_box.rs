//! The search box: typing updates the URL in place (history replace), Enter adds a history entry;
//! `/` anywhere focuses it.

use crate::{href, Route};
use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use parallax_core::view_state::ViewState;

/// The search form in the header.
#[component]
pub fn SearchBox(route: Memo<Route>) -> impl IntoView {
    let navigate = use_navigate();
    let input: NodeRef<Input> = NodeRef::new();
    let go = move |q: String, replace: bool| {
        // A search is a view of its own: it leaves the article, comparison or coverage view.
        let path = route.with_untracked(|r| r.path.clone());
        let state = ViewState {
            q: (!q.trim().is_empty()).then_some(q),
            ..Default::default()
        };
        navigate(
            &href(&path, &state),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let go_typing = go.clone();

    // `/` focuses the search box unless the reader is typing somewhere already.
    let handle = window_event_listener(ev::keydown, move |e| {
        let typing = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if e.key() == "/" && !typing && !e.ctrl_key() && !e.meta_key() && !e.alt_key() {
            if let Some(el) = input.get_untracked() {
                e.prevent_default();
                let _ = el.focus();
                el.select();
            }
        }
    });
    on_cleanup(move || handle.remove());

    view! {
        <form
            role="search"
            class="search"
            on:submit=move |e| {
                e.prevent_default();
                if let Some(el) = input.get_untracked() {
                    go(el.value(), false);
                }
            }
        >
            <label for="q" class="visually-hidden">"Search the articles"</label>
            <input
                id="q"
                name="q"
                type="search"
                node_ref=input
                data-testid="search-input"
                placeholder="Search names, \"phrases\", -words, outlet:TASS, date:2020-08"
                autocomplete="off"
                spellcheck="false"
                aria-keyshortcuts="/"
                prop:value=move || route.with(|r| r.state.q.clone().unwrap_or_default())
                on:input=move |e| go_typing(event_target_value(&e), true)
            />
            <button type="submit">"Search"</button>
        </form>
    }
}
