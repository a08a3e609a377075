//! Writes a generated project of a given size, for benchmarks and trying the editor on a big
//! map:
//!
//! ```text
//! cargo run --release --example generate -- --stages 20 --lanes 10 --cards 1000 -o big.klantreis.ron
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use klantreis::sample::{Spec, generate};

/// Write a generated Klantreis project (Dutch text, three personas, emotion curves).
#[derive(Parser)]
struct Args {
    /// Stages (columns) of the map.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..=500))]
    stages: u16,
    /// Lanes (rows) of the map.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=200))]
    lanes: u16,
    /// Cards on the map.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(0..=50_000))]
    cards: u32,
    /// The same seed writes the same project.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the project.
    #[arg(short, long)]
    output: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let project = generate(&Spec {
        stages: args.stages.into(),
        lanes: args.lanes.into(),
        cards: args.cards as usize,
        seed: args.seed,
    });
    match klantreis::file::save(&project, &args.output) {
        Ok(()) => {
            eprintln!(
                "wrote {} ({} stages, {} lanes, {} cards)",
                args.output.display(),
                args.stages,
                args.lanes,
                args.cards
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
