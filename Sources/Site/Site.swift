// Site room: see ARCHITECTURE.md
