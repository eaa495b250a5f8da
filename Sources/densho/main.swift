import Foundation

// densho's command line: parse arguments, call Site, print, set the exit code.
// Exit codes: 0 success, 1 problems in the content (or a failed build), 2 usage errors.
setvbuf(stdout, nil, _IOLBF, 0)
// Past a file size limit (ulimit -f) a write should fail with an error we report, not end the process.
signal(SIGXFSZ, SIG_IGN)
let code = CLI.run(Array(CommandLine.arguments.dropFirst()))
exit(code)
