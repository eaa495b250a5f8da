// Mustache room: see ARCHITECTURE.md
