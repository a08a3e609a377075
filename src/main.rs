//! The `klantreis` binary: parse the arguments, then run a command or open the editor.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = klantreis::cli::Cli::parse();
    if let Some(command) = cli.command {
        return klantreis::cli::run(command);
    }
    if let Some(file) = &cli.file
        && let Err(e) = klantreis::cli::file_to_open(file)
    {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    if let Err(e) = klantreis::cli::display_available() {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    match klantreis::ui::run(cli.file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
