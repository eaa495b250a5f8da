// Markdown room: see ARCHITECTURE.md
import CCmark
let cmarkVersionString = String(cString: cmark_version_string())
