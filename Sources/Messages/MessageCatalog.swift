/// The one catalog of what densho says: each `MessageID` has an English and a Japanese text, with
/// `{1}`, `{2}`… standing for the arguments. The entries live beside the room that uses them
/// (`Catalog+FrontMatter.swift`, `Catalog+Content.swift`, …); a test checks that every id has both
/// languages with the same placeholders.
enum MessageCatalog {
    struct Texts {
        let en: String
        let ja: String
    }

    static let entries: [MessageID: Texts] = {
        var all: [MessageID: Texts] = [.verbatim: Texts(en: "{1}", ja: "{1}")]
        for part in [frontMatter, content, check, continuity, authoring, reliability, status, importing, importRows, theme, forms, output, usage] {
            all.merge(part) { first, _ in first }
        }
        return all
    }()

    static func template(_ id: MessageID, _ language: Language) -> String {
        guard let texts = entries[id] else { return id.rawValue }
        return language == .ja ? texts.ja : texts.en
    }

    /// Replaces `{n}` with the n-th argument; an argument's own braces are never read again.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard template.contains("{") else { return template }
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let number = Int(rest[afterOpen..<close]),
               number >= 1, number <= arguments.count {
                output += arguments[number - 1]
                rest = rest[rest.index(after: close)...]
            } else {
                output += "{"
                rest = rest[afterOpen...]
            }
        }
        return output + rest
    }
}

/// Every message densho can say. Grouped by the room that says it; the texts are in the catalog.
public enum MessageID: String, Sendable, CaseIterable {
    case verbatim

    // FrontMatter: the YAML subset
    case yamlNeverCloses, yamlIntegerRange, yamlMonthRange, yamlDayRange, yamlUnterminatedSingle,
         yamlUnterminatedDouble, yamlBackslashAtLineEnd, yamlUnknownEscape, yamlEscapeNotCharacter,
         yamlEscapeDigits, yamlFlowNeverClosed, yamlFlowColonSameLine, yamlFlowExpectedColon,
         yamlFlowCollectionKey, yamlFlowUnexpectedColon, yamlFlowExpectedComma, yamlTabIndent,
         yamlSequenceBetweenKeys, yamlExpectedKeyValue, yamlUnexpectedIndentation, yamlIndicatorRange,
         yamlAfterBlockIndicator, yamlUnexpectedContent, yamlDocumentMarker, yamlUnquotedColon,
         yamlCommentSpace, yamlUnexpectedAfterValue, yamlTooDeep, yamlDuplicateKey, yamlAnchor,
         yamlAlias, yamlTag, yamlDirective, yamlReserved, yamlFlowIndicatorStart, yamlBlockScalarInFlow,
         yamlBlockDashInFlow, yamlSequenceOnKeyLine, yamlComplexKey, yamlMissingKey, yamlMissingValue,
         yamlFullWidthColon, yamlFullWidthSpaceIndent, yamlEndOfInput

    // Content: reading files and fields
    case fieldNotMapping, fieldMissing, fieldNotText, fieldEmpty, fieldNotSingleID, fieldNotWholeNumber,
         fieldOutOfRange, fieldNotBool, fieldNotDate, fieldDateHint, fieldNotOneOf, fieldNotList,
         fieldItemNotText, fieldNotRecords, fieldItemNotMapping, fieldUnknown, fileUnreadable, fileTooLarge,
         fileHasNUL, fileNotUTF8, contentFolderMissing, contentFolderUnknown, visitNeedsYearFolder,
         visitYearFolderName, subfoldersIgnored, fileNameNotAddress, symlinkOutside, visitFileNameDate,
         visitYearMismatch, attachmentMissing, attachmentOutside, attachmentType, attachmentTypeSkipped,
         contactUntilBeforeSince, contactEmailMalformed, contactEmailFullWidthAt, draftLeftOut

    // Check: links, references, continuity
    case unknownCompany, unknownCompanySuggest, unknownPerson, unknownPersonSuggest, unknownPartner,
         unknownPartnerSuggest, ownSuccessor, linkAmbiguous, linkNotFound, linkNotFoundSuggest, checkNoReflection,
         checkFutureVisit, checkThemeWidth, checkThemeUnknown, checkThemeSuggest, checkOrphanLeft, checkOrphanLeaves,
         checkOrphanLoopLeft, checkOrphanLoopLeaves, checkSharedSlug, duplicateSlug, duplicateSlugFolded,
         publicVisitNamesInternalCompany

    // Check: the continuity rules (holders, promises, reflections)
    case checkReflectionEmpty, checkReflectionUnanswered, checkStaffAfterLeft, checkStaffAfterLeftSuccessor,
         checkNextVisitBeforeVisit, checkCompanyNameShared, checkPromiseOwnerUnknown, checkPromiseOwnerUnknownSuggest,
         promiseOwnerEmpty, promiseTwoOwners, promiseDueUnreadable, promiseDueMissing, promiseTwoDueDates

    // The command line
    case cliErrorsNothingWritten, cliOneErrorNothingWritten, checkSummary

    // Authoring: init, new, reflect
    case authoringUnknown, authoringUnknownNone, authoringAlreadyReflected, authoringNoSuchFile, authoringNotInVisits,
         authoringNotVisitName, authoringNotVisitFields, authoringNoVisitsYet, authoringExists, authoringNoContent,
         authoringNotEmpty, authoringNotTheme

    // Reliability: special files, names, bounds, leftovers
    case yamlEscapeControl, fileIsFIFO, fileIsDevice, fileIsSocket, fileIsFolder, fileUnreadableBecause,
         fileNameNotUTF8, fileNameNotUTF8Ignored, fieldTooMany, strayTemporaryFile

    // Status lines: build, serve, watch, init, reflect, import
    case statusBuilt, statusBuildDetails, statusPublicOnly, statusOneWarning, statusWarnings, statusThemeBuiltIn,
         statusThemeFolder, statusProgress, statusStepReading, statusStepRendering, statusStepIndexing, statusServing,
         statusNotLoopback, statusNotLoopbackInternal, statusEditingOff, statusWatching, statusChanged, statusChangedMore,
         statusErrorsKept, statusOneErrorKept, statusFailedKept, statusFailedNothingWritten, statusNewProject,
         statusNextBuild, statusNextCdBuild, statusReflectWaiting, importWouldWrite, importDryRun, importDryRunOne,
         importWritten, importWrittenOne, importAlreadyThere

    // Import: cells of a spreadsheet
    case importReferralUnclosed, importReferralStatus, importEmptyFile, importBadBOM, importUnknownEncoding, importStrayQuote,
         importAfterClosingQuote, importUnclosedQuote, importUnknownColumn, importColumnTwice, importInNote, importAppeared,
         importDateMissing, importCompanyMissing, importIDMissing, importNameMissing, importCompanyDiffers, importNotADate,
         importSeveralNamed, importUnknownNamed, importUnknownNamedNone

    // The forms API of `densho serve`
    case formBadJSON, formCompanyRequired, formNoteRequired, formLineRequired, formConflict, formNotATask, formBadDate,
         formUnknownSection, formUnknownPrompt, formAlreadyReflected

    // Themes: what a theme must hold
    case themeTemplateMissing, themeNotFound

    // How a command was typed
    case usageSeeHelp, usageUnknownCommand, usageUnknownOption, usageUnknownOptionFor, usageDidYouMean, usageNeedsValue,
         usageUnexpectedArgument, usageExpectsDate, usageLang, usageLangNot, usageNewNeedsKind, usageNewVisitNeedsCompany,
         usageNewNeedsSlug, usageReflectNeedsTarget, usageInitNeedsFolder, usageImportNeedsArguments

    // The output folder, its lock and the disk
    case outputBusyBuild, outputWaiting, outputKeptByServe, outputNotAFolder, outputNotOurs, outputNotOursInPlace,
         outputKindInternal, outputKindPublic, outputOutsideSite, outputCannotWrite, outputCannotReplace, outputCannotMove,
         outputCannotRecord
}
