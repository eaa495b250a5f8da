// FrontMatter room: see ARCHITECTURE.md
