import Foundation

// The module that carries themes/default inside the densho binary. Its data, BuiltInThemeFiles, is
// generated at build time by the EmbedDefaultTheme plugin from themes/default (see Package.swift);
// this folder being the module's folder is what makes SwiftPM notice a theme file added or removed.
public enum DefaultTheme {
    /// Every file of themes/default: its path inside the theme and its bytes.
    public static var files: [(path: String, bytes: [UInt8])] {
        BuiltInThemeFiles.base64.map { ($0.path, Array(Data(base64Encoded: $0.bytes) ?? Data())) }
    }
}
