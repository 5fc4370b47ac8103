//! Parallax web app (placeholder until the shell lands).
use leptos::prelude::*;

/// The app.
#[component]
pub fn App() -> impl IntoView {
    view! { <p>"Parallax"</p> }
}
