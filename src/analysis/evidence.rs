//! How well research grounds a card or a stage: how many respondents its evidence stands for,
//! out of how many were heard.

use std::collections::HashSet;

use crate::model::{EvidenceId, Project};

/// The evidence behind a card or stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Strength {
    /// Distinct respondents who said or showed it (codes listed, or a larger count given).
    pub respondents: usize,
    /// How many respondents the register holds (0 when the project keeps none).
    pub of: usize,
    /// How many pieces of evidence are linked.
    pub items: usize,
}

impl Strength {
    pub fn is_empty(&self) -> bool {
        self.items == 0
    }
}

/// The strength of the evidence `links` point at (links to evidence the project no longer
/// holds are not counted).
pub fn strength(project: &Project, links: &[EvidenceId]) -> Strength {
    let mut codes: HashSet<&str> = HashSet::new();
    let mut counted = 0;
    let mut items = 0;
    for e in links.iter().filter_map(|id| project.evidence(*id)) {
        items += 1;
        codes.extend(e.respondents.iter().map(String::as_str));
        counted = counted.max(e.respondent_count as usize);
    }
    let respondents = codes.len().max(counted);
    let of = project.respondents.len();
    Strength {
        // Never more than were heard, when the register says how many that was.
        respondents: if of > 0 {
            respondents.min(of)
        } else {
            respondents
        },
        of,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Respondent};

    #[test]
    fn distinct_respondents_out_of_the_register() {
        let mut p = Project {
            respondents: (1..=22)
                .map(|i| Respondent::coded(format!("R{i:02}")))
                .collect(),
            ..Project::default()
        };
        let codes = |c: &[&str]| c.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let a = Evidence {
            respondents: codes(&["R01", "R02", "R03"]),
            respondent_count: 3,
            ..Evidence::default()
        };
        let b = Evidence {
            respondents: codes(&["R03", "R04"]),
            respondent_count: 9,
            ..Evidence::default()
        };
        let ids = [a.id, b.id];
        p.evidence = vec![a, b];
        // Four distinct codes, but one quote stands for nine respondents.
        assert_eq!(
            strength(&p, &ids),
            Strength {
                respondents: 9,
                of: 22,
                items: 2
            }
        );
        assert_eq!(strength(&p, &ids[..1]).respondents, 3);
        assert!(strength(&p, &[]).is_empty());
        assert!(!strength(&p, &ids).is_empty());
        // Never more than were heard.
        p.respondents.truncate(5);
        assert_eq!(strength(&p, &ids).respondents, 5);
        // Without a register, the count given stands.
        p.respondents.clear();
        assert_eq!(
            strength(&p, &ids),
            Strength {
                respondents: 9,
                of: 0,
                items: 2
            }
        );
    }
}
