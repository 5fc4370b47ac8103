//! The general stance forms, one named case each, on sentences written for the test about a
//! made-up story (Oland, the Coastal League, Mara Velt, Ilja Korro): inflections and word
//! families, spellings, gaps in cues, evaluative verbs and predicates, nominal stances, passives,
//! negation, conditions, deeds, and actors the profile does not list (titles, apposition, speech
//! verbs, organisations and countries as subjects, surnames, titles and pronouns pointing back).

use parallax_core::corpus::Corpus;
use parallax_core::ingest::ingest_text;
use parallax_core::stance::{tag_article, tag_article_with_actors, Polarity, Profile, Voice};

const PROFILE: &str = r#"
[[target]]
id = "sanctions"
label = "Sanctions"
cues = ["sanction*"]
valence = "for"

[[target]]
id = "talks"
label = "Talks"
cues = ["talks", "dialogue"]
valence = "for"

[[target]]
id = "coup"
label = "The coup"
cues = ["coup", "takeover"]
valence = "for"

[[target]]
id = "interference"
label = "Interference"
cues = ["interfere", "meddling"]
valence = "against"

[[target]]
id = "release_prisoners"
label = "Release of the prisoners"
cues = ["release prisoners"]
valence = "for"

[[target]]
id = "election"
label = "The election result"
cues = ["election result*"]
valence = "for"

[[target]]
id = "withdrawal"
label = "Withdrawal from the pact"
cues = ["withdraw*", "suspend*"]
valence = "for"

[[target]]
id = "crackdown"
label = "The crackdown"
cues = ["crackdown", "attacks on protesters"]
valence = "against"

[[target]]
id = "protests"
label = "The protests"
cues = ["protest*"]
valence = "for"

[[actor]]
id = "ivo_tamm"
name = "Ivo Tamm"
aliases = ["Ivo Tamm", "Tamm", "government spokesman"]
affiliation = "oland"
gender = "m"

[[actor]]
id = "oland"
name = "Oland"
aliases = ["Oland"]
affiliation = "oland"

[[actor]]
id = "coastal_league"
name = "Coastal League"
aliases = ["the Coastal League", "Coastal League"]
affiliation = "league"

[[actor]]
id = "coup_council"
name = "Coup Council"
aliases = ["The Coup Council", "the Coup Council"]
affiliation = "council"

[[actor]]
id = "demonstrators"
name = "Demonstrators"
aliases = ["demonstrators"]
affiliation = "civil_society"
gender = "p"

[[actor]]
id = "mara_velt"
name = "Mara Velt"
aliases = ["Mara Velt", "Velt"]
affiliation = "oland"
gender = "f"
"#;

fn profile() -> Profile {
    Profile::from_toml(PROFILE).expect("test profile")
}

fn article(text: &str) -> parallax_core::ingest::Article {
    ingest_text(
        "x",
        "x.txt",
        &format!("A headline for it\n\n{text}\n"),
        &Default::default(),
    )
}

fn tags_of(text: &str) -> Vec<(String, String, Polarity, Voice)> {
    tag_article(&article(text), &profile())
        .into_iter()
        .map(|t| (t.actor.into(), t.target.into(), t.stance, t.voice))
        .collect()
}

#[test]
fn forms() {
    use Polarity::*;
    use Voice::*;
    /// (actor, target, stance, voice) of each tag.
    type Want = &'static [(&'static str, &'static str, Polarity, Voice)];
    let cases: &[(&str, &str, Want)] = &[
        // Cues and triggers through the text pipeline.
        (
            "a stem finds an inflection of the cue",
            "Mara Velt warned against interfering in Oland.",
            &[("mara_velt", "interference", Oppose, Reported)],
        ),
        (
            "a trigger finds its word family (condemnation of)",
            "The Coastal League voiced its condemnation of the coup.",
            &[("coastal_league", "coup", Oppose, Reported)],
        ),
        (
            "US spelling of a UK trigger",
            "Oland does not recognize the election results.",
            &[("oland", "election", Oppose, Reported)],
        ),
        (
            "UK spelling of the same trigger",
            "Oland does not recognise the election results.",
            &[("oland", "election", Oppose, Reported)],
        ),
        (
            "words inside a multi-word cue",
            "Mara Velt urged the junta to release all the prisoners.",
            &[("mara_velt", "release_prisoners", Support, Reported)],
        ),
        (
            "no gap across a clause break",
            "Mara Velt urged the junta to release, in time, prisoners of war.",
            &[],
        ),
        // Evaluative verbs and predicates.
        (
            "praise",
            "Mara Velt praised the talks.",
            &[("mara_velt", "talks", Support, Reported)],
        ),
        (
            "regret",
            "Oland regrets the withdrawal.",
            &[("oland", "withdrawal", Oppose, Reported)],
        ),
        (
            "hail",
            "Oland hailed the coup as good news.",
            &[("oland", "coup", Support, Reported)],
        ),
        (
            "slam",
            "The Coastal League slammed the sanctions.",
            &[("coastal_league", "sanctions", Oppose, Reported)],
        ),
        (
            "a predicate after what it judges",
            "Oland said the coup was illegitimate.",
            &[("oland", "coup", Oppose, Reported)],
        ),
        (
            "would be unacceptable",
            "Mara Velt said new sanctions would be unacceptable.",
            &[("mara_velt", "sanctions", Oppose, Reported)],
        ),
        (
            "a negated predicate",
            "Oland said the takeover was not legitimate.",
            &[("oland", "coup", Oppose, Reported)],
        ),
        (
            "praising what a target of valence against names supports it",
            "Mara Velt praised the crackdown.",
            &[("mara_velt", "crackdown", Support, Reported)],
        ),
        (
            "condemning it opposes it",
            "Mara Velt condemned the crackdown.",
            &[("mara_velt", "crackdown", Oppose, Reported)],
        ),
        (
            "a refusal turns a call round",
            "Oland rejected calls for talks.",
            &[("oland", "talks", Oppose, Reported)],
        ),
        (
            "a verb of defeat is the trigger nearest the cue",
            "Mara Velt vowed to defeat the coup.",
            &[("mara_velt", "coup", Oppose, Reported)],
        ),
        (
            "rejoining supports",
            "Oland said it would consider rejoining the talks.",
            &[("oland", "talks", Support, Reported)],
        ),
        (
            "a cue inside a longer cue is that phrase's",
            "Mara Velt warned against attacks on protesters.",
            &[("mara_velt", "crackdown", Oppose, Reported)],
        ),
        (
            "would not allow flips once",
            "Oland said it would not allow any sanctions.",
            &[("oland", "sanctions", Oppose, Reported)],
        ),
        (
            "a harm verb after the cue, as its verb, opposes it",
            "Mara Velt said the withdrawal would hurt farmers.",
            &[("mara_velt", "withdrawal", Oppose, Reported)],
        ),
        (
            "an inflected harm verb after an accusation supports what is harmed",
            "Mara Velt accused the junta of breaching the talks.",
            &[("mara_velt", "talks", Support, Reported)],
        ),
        (
            "the verb of the conjunct before does not reach the cue; what governs both does",
            "Oland accepted the offer to stop the strikes and to open talks.",
            &[("oland", "talks", Support, Reported)],
        ),
        (
            "ordering it takes its side, whatever its valence",
            "Oland ordered a crackdown.",
            &[("oland", "crackdown", Support, Reported)],
        ),
        (
            "a harm verb after the cue and its complement",
            "Mara Velt said the withdrawal of the troops would hurt farmers.",
            &[("mara_velt", "withdrawal", Oppose, Reported)],
        ),
        (
            "it after a verb of naming stands for the nearest cue before it",
            "Oland has withdrawn from the pact, and Mara Velt called it unconscionable.",
            &[
                ("oland", "withdrawal", Support, Reported),
                ("mara_velt", "withdrawal", Oppose, Reported),
            ],
        ),
        (
            "a cue in an adjunct of time is not the trigger's object (throughout)",
            "Oland has maintained good ties with the Coastal League throughout the crackdown.",
            &[],
        ),
        (
            "a predicate after two cues is said of the nearer one",
            "Mara Velt said the talks had ended and that all sanctions would be dropped.",
            &[("mara_velt", "sanctions", Oppose, Reported)],
        ),
        (
            "an order in the passive with no agent names who obeys, not who orders",
            "Police units were ordered to carry out the crackdown, Oland said.",
            &[],
        ),
        (
            "a relative clause's trigger belongs to its antecedent, not to the subject",
            "Oland said it arrested a man holding a placard which called for talks.",
            &[],
        ),
        (
            "a relative clause after a named actor gives that actor the position",
            "Oland praised the Coastal League, which also called for talks.",
            &[("coastal_league", "talks", Support, Reported)],
        ),
        (
            "naming a cue's noun phrase (called the sending of X timely)",
            "Mara Velt called the sending of the sanctions team timely.",
            &[("mara_velt", "sanctions", Support, Reported)],
        ),
        (
            "a deed under way by a pronoun is nobody's (its referent is too often unlisted)",
            "Tamm spoke. A man was hurt while he was suspending the banner.",
            &[],
        ),
        (
            "a deed under way (is suspending)",
            "The Coastal League is suspending its part in the pact.",
            &[("coastal_league", "withdrawal", Support, Reported)],
        ),
        (
            "an order denied in the passive (wasn't authorized) names no holder",
            "An aide who wasn't authorized to discuss the talks spoke to reporters.",
            &[],
        ),
        (
            "a cue deeper inside a deed that is thanked is not the thanks' object",
            "Mara Velt thanked the Coastal League for assisting in the end of the crackdown.",
            &[],
        ),
        (
            "a gerund that takes the cue itself carries the thanks to it",
            "Mara Velt thanked the Coastal League for hosting the talks.",
            &[("mara_velt", "talks", Support, Reported)],
        ),
        (
            "a participle clause after a comma takes over from the trigger",
            "The decree will allow the police to act, stifling protests.",
            &[],
        ),
        (
            "an ultimatum demands what it is for",
            "The Coastal League gave Oland one week to release prisoners.",
            &[("coastal_league", "release_prisoners", Support, Reported)],
        ),
        (
            "prepared to is a commitment",
            "Oland said it was prepared to hold talks.",
            &[("oland", "talks", Support, Reported)],
        ),
        (
            "the causative passive (have the sanctions dropped) is a predicate after the cue",
            "Oland confirmed that the Coastal League would have all sanctions dropped.",
            &[("oland", "sanctions", Oppose, Reported)],
        ),
        (
            "initiated is a deed, but its family (initiative) is no trigger",
            "The Coastal League initiated talks. The Talks Initiative met on Monday.",
            &[("coastal_league", "talks", Support, Reported)],
        ),
        (
            "the ground of an action against someone is not what the action judges",
            "Oland launched talks against the Coastal League for the coup.",
            &[("oland", "talks", Support, Reported)],
        ),
        (
            "an -ing trigger after a noun is that noun's reduced relative clause",
            "Mara Velt met the leaders of countries offering talks.",
            &[],
        ),
        (
            "a reduced relative clause of a noun of an actor's word family is that actor's",
            "Oland faced demonstrations demanding talks.",
            &[("demonstrators", "talks", Support, Reported)],
        ),
        (
            "an -ing trigger after a catenative verb is the subject's",
            "Oland would consider backing the sanctions.",
            &[("oland", "sanctions", Support, Reported)],
        ),
        (
            "a quoted label given with as is the labeller's claim",
            "Mara Velt referred to the strikers as “meddling” agents.",
            &[("mara_velt", "interference", Oppose, Quoted)],
        ),
        (
            "an unquoted label given with as is the outlet's word",
            "Mara Velt described the takeover as a coup.",
            &[],
        ),
        (
            "declaring it is doing it",
            "Oland declared a crackdown on the strikers.",
            &[("oland", "crackdown", Support, Reported)],
        ),
        (
            "a warning to an addressee of a measure threatens it",
            "Mara Velt warned Oland of new sanctions.",
            &[("mara_velt", "sanctions", Support, Reported)],
        ),
        (
            "a warning of something with no addressee does not threaten it",
            "Mara Velt warned of new sanctions.",
            &[],
        ),
        (
            "the object of a preposition is not the fallback holder",
            "The decision to back talks with Oland was made on Monday.",
            &[("outlet", "talks", Support, Outlet)],
        ),
        (
            "inside a quotation, a subject separated from its verb by a parenthetical holds it",
            "“Mara Velt, at the summit on Monday, called for talks,” an aide said.",
            &[("mara_velt", "talks", Support, Quoted)],
        ),
        (
            "a cue in an adjunct of time is not the trigger's object (ahead of)",
            "Oland imposed a curfew ahead of the protests.",
            &[],
        ),
        (
            "an actor's own name holds no position on a cue inside it",
            "Welcomed at home, the Coup Council met on Monday.",
            &[],
        ),
        (
            "a light verb with the cue as its noun is a deed",
            "The Coastal League held fresh talks with Oland.",
            &[("coastal_league", "talks", Support, Reported)],
        ),
        (
            "a possessive determiner between the doer and the cue is not the doer",
            "The demonstrators staged their first protests.",
            &[("demonstrators", "protests", Support, Reported)],
        ),
        (
            "a deed announced in the passive by a speaker is the speaker's",
            "“The troops will be withdrawn soon,” Mara Velt said.",
            &[("mara_velt", "withdrawal", Support, Quoted)],
        ),
        (
            "a deed in the passive that nobody announces is no one's",
            "The troops will be withdrawn soon.",
            &[],
        ),
        (
            "measures against those who do it oppose the deed",
            "Mara Velt warned of measures against countries backing the sanctions.",
            &[("mara_velt", "sanctions", Oppose, Reported)],
        ),
        (
            "a harm verb supports what is harmed",
            "Mara Velt said the move undermines the talks.",
            &[("mara_velt", "talks", Support, Reported)],
        ),
        (
            "an accusation of harm still supports what is harmed",
            "Oland accused the junta of undermining the talks.",
            &[("oland", "talks", Support, Reported)],
        ),
        (
            "called … plus a predicate",
            "Mara Velt called the coup illegitimate.",
            &[("mara_velt", "coup", Oppose, Reported)],
        ),
        (
            "a trigger in a subordinate clause ends at its comma",
            "After Oland announced the talks, sanctions were lifted.",
            &[("oland", "talks", Support, Reported)],
        ),
        (
            "a threat names what it threatens",
            "Oland gave the junta a week or face sanctions.",
            &[("oland", "sanctions", Support, Reported)],
        ),
        // Nominal stances.
        (
            "support for",
            "Oland repeated its support for sanctions.",
            &[("oland", "sanctions", Support, Reported)],
        ),
        (
            "opposition to",
            "Oland restated its opposition to sanctions.",
            &[("oland", "sanctions", Oppose, Reported)],
        ),
        (
            "a call for",
            "Mara Velt issued a call for dialogue.",
            &[("mara_velt", "talks", Support, Reported)],
        ),
        // Passives.
        (
            "a passive names its agents after by",
            "The coup was condemned by Oland and the Coastal League.",
            &[
                ("oland", "coup", Oppose, Reported),
                ("coastal_league", "coup", Oppose, Reported),
            ],
        ),
        // Negation.
        (
            "a negation flips the trigger",
            "Oland will not back sanctions.",
            &[("oland", "sanctions", Oppose, Reported)],
        ),
        (
            "a contracted negation flips it too",
            "Mara Velt doesn't support the talks.",
            &[("mara_velt", "talks", Oppose, Reported)],
        ),
        // Conditions.
        (
            "unless names a demanded condition",
            "Oland will impose sanctions unless the junta agrees to talks.",
            &[
                ("oland", "sanctions", Support, Reported),
                ("oland", "talks", Support, Reported),
            ],
        ),
        (
            "if … not names one too",
            "Oland will act if the junta does not release the prisoners.",
            &[("oland", "release_prisoners", Support, Reported)],
        ),
        // Deeds.
        (
            "the actor does what the cue names",
            "Oland has suspended its part in the pact.",
            &[("oland", "withdrawal", Support, Reported)],
        ),
        (
            "a negated deed",
            "Oland has not withdrawn from the pact.",
            &[("oland", "withdrawal", Oppose, Reported)],
        ),
        (
            "a deed announced for later",
            "Oland is set to withdraw from the pact.",
            &[("oland", "withdrawal", Support, Reported)],
        ),
        (
            "a cue in an adjunct of time is not judged",
            "Oland imposed tariffs after the coup.",
            &[],
        ),
        (
            "a possessive is not a doer",
            "Oland's suspension surprised nobody.",
            &[],
        ),
        // Reported speech across sentences.
        (
            "a quotation continuing from the previous sentence keeps its speaker",
            "\"We want calm,\" Mara Velt said. \"And we reject sanctions.\"",
            &[("mara_velt", "sanctions", Oppose, Quoted)],
        ),
        (
            "a spokesperson speaks for their side",
            "Oland called for talks, government spokesman Ivo Tamm said.",
            &[
                ("oland", "talks", Support, Reported),
                ("ivo_tamm", "talks", Support, Reported),
            ],
        ),
        (
            "a minister's words state their country's position",
            "Mara Velt said Oland backs new sanctions.",
            &[
                ("oland", "sanctions", Support, Reported),
                ("mara_velt", "sanctions", Support, Reported),
            ],
        ),
        (
            "the next sentence says who stated it",
            "Oland is firmly opposed to any meddling. This was stated on Monday by Mara Velt.",
            &[
                ("oland", "interference", Oppose, Reported),
                ("mara_velt", "interference", Oppose, Reported),
            ],
        ),
        (
            "the object of a trigger does not hold its position",
            "The Coastal League gave the junta a week to reinstate Mara Velt or face sanctions.",
            &[("coastal_league", "sanctions", Support, Reported)],
        ),
        (
            "whoever a verb of telling takes is not the holder",
            "The Coastal League told Oland to impose sanctions.",
            &[("coastal_league", "sanctions", Support, Reported)],
        ),
        (
            "he in a that-clause after a verb of telling is the teller",
            "Ivo Tamm told Ilja Korro that he would back sanctions.",
            &[("ivo_tamm", "sanctions", Support, Reported)],
        ),
        (
            "a passive deed with a trailing attribution is the speaker's",
            "The sanctions against Ilja Korro will be lifted, government spokesman Ivo Tamm said.",
            &[("ivo_tamm", "sanctions", Oppose, Reported)],
        ),
        (
            "a quotation whose speaker is named at its end",
            "\"We reject sanctions. We call for talks,\" Mara Velt said.",
            &[
                ("mara_velt", "sanctions", Oppose, Quoted),
                ("mara_velt", "talks", Support, Quoted),
            ],
        ),
        // Actors nobody listed.
        (
            "a title before a name",
            "Ghanaian Foreign Minister Ilja Korro called for talks.",
            &[("ilja_korro", "talks", Support, Reported)],
        ),
        (
            "a title in apposition",
            "Ilja Korro, the Ghanaian foreign minister, called for talks.",
            &[("ilja_korro", "talks", Support, Reported)],
        ),
        (
            "a name before a speech verb",
            "Ilja Korro said Oland must hold talks.",
            &[("ilja_korro", "talks", Support, Reported)],
        ),
        (
            "an organisation as subject",
            "The Harbour Council said it backs sanctions.",
            &[("harbour_council", "sanctions", Support, Reported)],
        ),
        (
            "a country as subject",
            "Ghana said sanctions would be a disaster.",
            &[("ghana", "sanctions", Oppose, Reported)],
        ),
        (
            "the title names the person again",
            "Foreign Minister Ilja Korro arrived in Oland. The minister called for talks.",
            &[("ilja_korro", "talks", Support, Reported)],
        ),
        (
            "the surname names the person again",
            "Foreign Minister Ilja Korro arrived in Oland. Korro called for talks.",
            &[("ilja_korro", "talks", Support, Reported)],
        ),
        (
            "a pronoun points back to a found person",
            "Foreign Minister Ilja Korro arrived in Oland. He called for talks.",
            &[("ilja_korro", "talks", Support, Reported)],
        ),
        (
            "a title followed by of is the office of whoever the rest names",
            "Foreign Minister Ilja Korro arrived. The Foreign Minister of Ghana, Ado Mensa, condemned the sanctions.",
            &[("ado_mensa", "sanctions", Oppose, Reported)],
        ),
        (
            "a title-case headline's verb is not a name (no actor `says`)",
            "UN Chief Says He Backs Sanctions.",
            &[],
        ),
        (
            "a listed person found with a title stays the listed one",
            "Trade Minister Mara Velt arrived. The minister called for talks.",
            &[("mara_velt", "talks", Support, Reported)],
        ),
    ];
    let mut failed = Vec::new();
    for (name, text, want) in cases {
        let got = tags_of(text);
        let want: Vec<(String, String, Polarity, Voice)> = want
            .iter()
            .map(|(a, t, p, v)| (a.to_string(), t.to_string(), *p, *v))
            .collect();
        if got != want {
            failed.push(format!("{name}: want {want:?}, got {got:?}"));
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

#[test]
fn a_headline_is_a_sentence_too() {
    let a = ingest_text(
        "x",
        "x.txt",
        "Oland condemns the coup\n\nThe capital was quiet on Monday, and shops opened as usual.\n",
        &Default::default(),
    );
    let tags = tag_article(&a, &profile());
    let got: Vec<(&str, &str, Polarity, usize)> = tags
        .iter()
        .map(|t| (t.actor.as_str(), t.target.as_str(), t.stance, t.sentence))
        .collect();
    assert_eq!(
        got,
        [(
            "oland",
            "coup",
            Polarity::Oppose,
            parallax_core::stance::HEADLINE
        )]
    );
}

#[test]
fn a_found_person_gets_a_stable_id_and_the_nationality_as_affiliation() {
    let (_, found) = tag_article_with_actors(
        &article("Ghanaian Foreign Minister Ilja Korro called for talks."),
        &profile(),
    );
    assert_eq!(found.len(), 1);
    let a = &found[0];
    assert_eq!(
        (a.id.as_str(), a.name.as_str(), a.affiliation.as_str()),
        ("ilja_korro", "Ilja Korro", "ghana")
    );
    assert!(a.discovered);
}

#[test]
fn a_participle_joined_to_a_name_is_not_part_of_it() {
    let (_, found) = tag_article_with_actors(
        &article("General Ado Mensa-led soldiers called for talks."),
        &profile(),
    );
    let names: Vec<&str> = found.iter().map(|a| a.name.as_str()).collect();
    assert!(names.iter().all(|n| !n.contains("led")), "found {names:?}");
}

#[test]
fn found_actors_join_the_corpus_profile_for_the_coverage_views() {
    let corpus = Corpus::build(
        "t",
        vec![article(
            "Ghanaian Foreign Minister Ilja Korro called for talks.",
        )],
        &[],
        profile(),
    );
    assert_eq!(corpus.profile.actor_name("ilja_korro"), "Ilja Korro");
    assert_eq!(
        corpus.profile.group_of("ilja_korro"),
        ("ghana".to_string(), "Ghana".to_string())
    );
    // Listed actors are untouched and still come first.
    let listed = profile().actors;
    assert_eq!(corpus.profile.actors[..listed.len()], listed[..]);
    assert!(corpus.profile.actors[listed.len()..]
        .iter()
        .all(|a| a.discovered));
}
