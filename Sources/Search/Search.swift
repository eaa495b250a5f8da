// Search room: see ARCHITECTURE.md
