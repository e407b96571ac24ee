//! Stages whose output depends on the other articles of the story: entities and quotes.
//!
//! Analysis merges mentions across articles ("Antony Blinken" in one, "Anthony Blinken" and
//! "Blinken" in others are one person) and names a quote's speaker by that merged entity, so
//! inspecting one article alone would show different ids and names than `analyze` does. These
//! stages therefore read every article given as one story, exactly as [`crate::analyze`]
//! does, and then split the result back per article.

use super::{Inspected, Item, Stage};
use crate::analyze::entities::Entities;
use crate::analyze::quotes;
use crate::model::Article;
use crate::story::Story;

/// Runs a story stage ([`Stage::Entities`] or [`Stage::Quotes`]) on `articles` read as one
/// story; one [`Inspected`] per article, in input order.
pub(super) fn inspect_story(articles: Vec<Article>, stage: Stage) -> Vec<Inspected> {
    debug_assert!(stage.per_story());
    let story = Story::from_articles(articles);
    let ents = Entities::build(&story);
    let mut items: Vec<Vec<Item>> = vec![Vec::new(); story.docs.len()];
    if stage == Stage::Quotes {
        for q in quotes::find(&story, &ents).quotes {
            let article = &story.docs[q.doc].article;
            let (speaker, speaker_text) = match &q.speaker {
                Some(s) => (
                    s.entity.map(|e| ents.entities[e].name.clone()),
                    Some(s.span.of(&article.text).to_string()),
                ),
                None => (None, None),
            };
            items[q.doc].push(
                Item::new(article, q.span)
                    .with("speaker", speaker)
                    .with("speaker_text", speaker_text)
                    .with("verb", q.verb),
            );
        }
    } else {
        for m in &ents.mentions {
            let entity = &ents.entities[m.entity];
            items[m.doc].push(
                Item::new(&story.docs[m.doc].article, m.span)
                    .with("kind", entity.kind.label())
                    .with("entity", m.entity)
                    .with("name", entity.name.clone()),
            );
        }
    }
    story
        .docs
        .iter()
        .zip(items)
        .map(|(doc, mut items)| {
            items.sort_by_key(|i| (i.start, i.end));
            Inspected {
                article: doc.article.id.clone(),
                items,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn article(name: &str, s: &str) -> Article {
        crate::ingest::text_article(Path::new(name), s.as_bytes().to_vec()).unwrap()
    }

    /// The CoNLL guidelines type a person's name as PER and a city as LOC; a transliteration
    /// variant in another article is the same person.
    #[test]
    fn entities_merge_across_articles() {
        let a = article(
            "a.txt",
            "Secretary of State Antony Blinken met his counterpart in Geneva on Friday.",
        );
        let b = article(
            "b.txt",
            "The talks were short. Secretary of State Anthony Blinken left Geneva at noon.",
        );
        let out = inspect_story(vec![a, b], Stage::Entities);
        assert_eq!(out.len(), 2);
        let find = |o: &Inspected, t: &str| o.items.iter().find(|i| i.text == t).cloned();
        let antony = find(&out[0], "Antony Blinken").expect("Antony Blinken");
        let anthony = find(&out[1], "Anthony Blinken").expect("Anthony Blinken");
        assert_eq!(antony.fields["kind"], "PER");
        assert_eq!(antony.fields["entity"], anthony.fields["entity"]);
        let geneva = find(&out[0], "Geneva").expect("Geneva");
        assert_eq!(geneva.fields["kind"], "LOC");
        assert_ne!(geneva.fields["entity"], antony.fields["entity"]);
    }

    #[test]
    fn quotes_name_speaker_and_verb() {
        let a = article(
            "a.txt",
            "Russian Foreign Minister Sergei Lavrov met reporters.\n\n\u{201c}The talks were useful,\u{201d} Lavrov said.",
        );
        let out = inspect_story(vec![a], Stage::Quotes);
        let q = &out[0].items[0];
        assert_eq!(q.text, "The talks were useful");
        assert_eq!(q.fields["speaker"], "Sergei Lavrov");
        assert_eq!(q.fields["speaker_text"], "Lavrov");
        assert_eq!(q.fields["verb"], "said");
    }

    #[test]
    fn no_quote_no_items() {
        let out = inspect_story(
            vec![article("a.txt", "Nothing quoted here.")],
            Stage::Quotes,
        );
        assert_eq!(out[0].article, "a");
        assert!(out[0].items.is_empty());
    }
}
