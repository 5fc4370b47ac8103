//! Notices about a link that could not be followed exactly; dismissible.

use crate::Route;
use leptos::prelude::*;

/// Shows what the current URL asked for that could not be used.
#[component]
pub fn Notices(route: Memo<Route>) -> impl IntoView {
    // The query string whose notices were dismissed; new links bring their notices back.
    let dismissed = RwSignal::new(None::<String>);
    let visible = move || {
        route.with(|r| {
            if r.notices.is_empty() || dismissed.get().as_deref() == Some(r.search.as_str()) {
                None
            } else {
                Some(r.notices.clone())
            }
        })
    };
    move || {
        visible().map(|notices| {
            view! {
                <aside class="notice" role="status" data-testid="notice">
                    <ul>
                        {notices.into_iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}
                    </ul>
                    <button
                        type="button"
                        class="notice-close"
                        aria-label="Dismiss this notice"
                        on:click=move |_| dismissed.set(Some(route.with_untracked(|r| r.search.clone())))
                    >
                        "×"
                    </button>
                </aside>
            }
        })
    }
}
