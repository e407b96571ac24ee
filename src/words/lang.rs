//! The language of an article, for its stems and stopwords.
//!
//! Stems and stopwords are per language: an English stemmer leaves German plurals apart and
//! English stopwords leave "der", "und", "les" as content words, which a cosine then weighs.
//! An article's language is read off its kept text by `whatlang` (trigrams, no model to
//! download); English stays the default whenever the detection is unsure (short texts,
//! headlines) or names a language without both a Snowball stemmer and an NLTK stopword
//! list. Names and numbers are written the same in most languages, so they still link
//! articles across languages.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A language with its own stemmer and stopwords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English: Snowball English with irregular verbs, and storyline's own stopwords
    /// (news function words such as "said" included).
    #[default]
    English,
    /// German.
    German,
    /// French.
    French,
    /// Spanish.
    Spanish,
    /// Italian.
    Italian,
    /// Portuguese.
    Portuguese,
    /// Dutch.
    Dutch,
    /// Swedish.
    Swedish,
    /// Danish.
    Danish,
    /// Norwegian (Bokmål).
    Norwegian,
    /// Finnish.
    Finnish,
    /// Hungarian.
    Hungarian,
    /// Romanian.
    Romanian,
    /// Russian.
    Russian,
    /// Greek.
    Greek,
    /// Turkish.
    Turkish,
    /// Arabic.
    Arabic,
}

/// Every language, in the order of [`Lang::index`].
const ALL: [Lang; 17] = [
    Lang::English,
    Lang::German,
    Lang::French,
    Lang::Spanish,
    Lang::Italian,
    Lang::Portuguese,
    Lang::Dutch,
    Lang::Swedish,
    Lang::Danish,
    Lang::Norwegian,
    Lang::Finnish,
    Lang::Hungarian,
    Lang::Romanian,
    Lang::Russian,
    Lang::Greek,
    Lang::Turkish,
    Lang::Arabic,
];

/// How much of an article's text the detection reads, in bytes: enough for trigrams to
/// settle (a few sentences), little enough to cost little beside tokenizing.
pub const DETECT_BYTES: usize = 500;

/// Function words of English that other languages written in Latin script rarely use.
const ENGLISH_MARKERS: [&str; 24] = [
    "the", "and", "of", "to", "is", "was", "that", "for", "with", "on", "at", "by", "from", "his",
    "he", "she", "it", "are", "were", "has", "have", "had", "said", "this",
];

/// The fast path of [`Lang::detect`]: true when at least a sixth of the words are English
/// function words (English news runs at a quarter to a third; German, French or Spanish
/// text at a few per cent), which spares the trigram detection (about 0.1 ms an article)
/// for most English text.
fn looks_english(text: &str) -> bool {
    let (mut words, mut markers) = (0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if w.len() <= 4 && ENGLISH_MARKERS.iter().any(|m| w.eq_ignore_ascii_case(m)) {
            markers += 1;
        }
    }
    words >= 20 && markers * 6 >= words
}

impl Lang {
    /// The language of `text` (an article's kept text; only its first [`DETECT_BYTES`]
    /// bytes are read), English unless the detection is reliable.
    pub fn detect(text: &str) -> Lang {
        let mut end = text.len().min(DETECT_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let text = &text[..end];
        if looks_english(text) {
            return Lang::English;
        }
        // When sure, the detection decides (a language storyline has no stemmer for keeps
        // English processing).
        match whatlang::detect(text) {
            Some(i) if i.is_reliable() => return from_whatlang(i.lang()).unwrap_or_default(),
            None => return Lang::English,
            _ => {}
        }
        // Among the languages storyline stems, so that a close language it does not stem
        // (Afrikaans beside Dutch) does not make the detection unsure.
        static AMONG_OURS: OnceLock<whatlang::Detector> = OnceLock::new();
        let detector = AMONG_OURS.get_or_init(|| {
            whatlang::Detector::with_allowlist(ALL.iter().map(|l| to_whatlang(*l)).collect())
        });
        match detector.detect(text) {
            Some(info) if info.is_reliable() => from_whatlang(info.lang()).unwrap_or_default(),
            _ => Lang::English,
        }
    }

    /// The ISO 639-1 code: `en`, `de`, `fr`, …
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::German => "de",
            Lang::French => "fr",
            Lang::Spanish => "es",
            Lang::Italian => "it",
            Lang::Portuguese => "pt",
            Lang::Dutch => "nl",
            Lang::Swedish => "sv",
            Lang::Danish => "da",
            Lang::Norwegian => "no",
            Lang::Finnish => "fi",
            Lang::Hungarian => "hu",
            Lang::Romanian => "ro",
            Lang::Russian => "ru",
            Lang::Greek => "el",
            Lang::Turkish => "tr",
            Lang::Arabic => "ar",
        }
    }

    /// A dense number for tables indexed by language (0 for English).
    pub(crate) fn index(self) -> usize {
        ALL.iter().position(|&l| l == self).unwrap_or(0)
    }

    fn algorithm(self) -> Algorithm {
        match self {
            Lang::English => Algorithm::English,
            Lang::German => Algorithm::German,
            Lang::French => Algorithm::French,
            Lang::Spanish => Algorithm::Spanish,
            Lang::Italian => Algorithm::Italian,
            Lang::Portuguese => Algorithm::Portuguese,
            Lang::Dutch => Algorithm::Dutch,
            Lang::Swedish => Algorithm::Swedish,
            Lang::Danish => Algorithm::Danish,
            Lang::Norwegian => Algorithm::Norwegian,
            Lang::Finnish => Algorithm::Finnish,
            Lang::Hungarian => Algorithm::Hungarian,
            Lang::Romanian => Algorithm::Romanian,
            Lang::Russian => Algorithm::Russian,
            Lang::Greek => Algorithm::Greek,
            Lang::Turkish => Algorithm::Turkish,
            Lang::Arabic => Algorithm::Arabic,
        }
    }

    /// The language's Snowball stemmer (built once per process).
    pub(crate) fn stemmer(self) -> &'static Stemmer {
        static STEMMERS: OnceLock<Vec<Stemmer>> = OnceLock::new();
        &STEMMERS.get_or_init(|| ALL.iter().map(|l| Stemmer::create(l.algorithm())).collect())
            [self.index()]
    }

    /// True when `lower` is one of the language's stopwords (NLTK's lists; English has
    /// storyline's own, see [`crate::words::is_stopword`]).
    pub(crate) fn is_stopword(self, lower: &str) -> bool {
        if self == Lang::English {
            return super::is_stopword(lower);
        }
        static SETS: OnceLock<Vec<FxHashSet<&'static str>>> = OnceLock::new();
        SETS.get_or_init(|| {
            ALL.iter()
                .map(|l| {
                    stop_words::lookup(l.code())
                        .unwrap_or_default()
                        .iter()
                        .copied()
                        .collect()
                })
                .collect()
        })[self.index()]
        .contains(lower)
    }
}

fn from_whatlang(l: whatlang::Lang) -> Option<Lang> {
    ALL.iter().copied().find(|x| to_whatlang(*x) == l)
}

fn to_whatlang(l: Lang) -> whatlang::Lang {
    use whatlang::Lang as W;
    match l {
        Lang::English => W::Eng,
        Lang::German => W::Deu,
        Lang::French => W::Fra,
        Lang::Spanish => W::Spa,
        Lang::Italian => W::Ita,
        Lang::Portuguese => W::Por,
        Lang::Dutch => W::Nld,
        Lang::Swedish => W::Swe,
        Lang::Danish => W::Dan,
        Lang::Norwegian => W::Nob,
        Lang::Finnish => W::Fin,
        Lang::Hungarian => W::Hun,
        Lang::Romanian => W::Ron,
        Lang::Russian => W::Rus,
        Lang::Greek => W::Ell,
        Lang::Turkish => W::Tur,
        Lang::Arabic => W::Ara,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_text_is_told_apart_and_short_text_stays_english() {
        let de = "Die Außenminister der USA und Russlands haben sich am Freitag in Genf \
                  getroffen. Das Treffen dauerte anderthalb Stunden, teilte ein Sprecher mit.";
        let fr = "Les chefs de la diplomatie américaine et russe se sont rencontrés vendredi \
                  à Genève. La réunion a duré une heure et demie, selon un porte-parole.";
        let es = "Los ministros de Exteriores de Estados Unidos y Rusia se reunieron el \
                  viernes en Ginebra durante hora y media, según un portavoz.";
        let en = "The foreign ministers of the United States and Russia met in Geneva on \
                  Friday. The meeting lasted an hour and a half, a spokesman said.";
        assert_eq!(Lang::detect(de), Lang::German);
        assert_eq!(Lang::detect(fr), Lang::French);
        assert_eq!(Lang::detect(es), Lang::Spanish);
        assert_eq!(Lang::detect(en), Lang::English);
        assert!(
            looks_english(en) && !looks_english(de) && !looks_english(fr) && !looks_english(es)
        );
        // Too little to tell: English.
        assert_eq!(Lang::detect("Genf"), Lang::English);
        assert_eq!(Lang::detect(""), Lang::English);
    }

    #[test]
    fn every_language_has_stopwords_and_a_stemmer() {
        for l in ALL {
            let list = stop_words::lookup(l.code());
            assert!(list.is_some_and(|w| w.len() > 20), "{l:?}");
            let _ = l.stemmer();
        }
        assert!(Lang::German.is_stopword("und"));
        assert!(!Lang::German.is_stopword("treffen"));
        assert!(Lang::French.is_stopword("les"));
        assert_eq!(Lang::German.stemmer().stem("treffen"), "treff");
        assert_eq!(Lang::English.index(), 0);
    }

    #[test]
    fn every_language_splits_sentences() {
        let text = "Erste Zeile hier. Zweite Zeile dort. Dritte.";
        for l in ALL {
            let spans = crate::sentences::split_in(text, crate::model::Span::new(0, text.len()), l);
            assert_eq!(spans.len(), 3, "{l:?}");
        }
    }
}
