// The views that put levels side by side (competency pages, the matrix, comparisons), and the tag and
// search pages. Lists a comparison repeats thousands of times come pre-rendered (`*_html`); the items
// stay as data too, for themes that lay them out their own way.

/// `competency`: one competency at every level that has it.
public struct CompetencyPageContext: TemplateContext {
    public var name: String
    public var description: String
    public var levels: [Entry]

    public struct Entry: TemplateContext {
        public var level: LevelSummary
        /// The section on the level's page.
        public var url: String
        public var html: String
        public init(level: LevelSummary, url: String, html: String) { self.level = level; self.url = url; self.html = html }
        public var templateFields: TemplateFields { ["level": level.templateFields, "url": url, "html": html] }
    }

    public init(name: String, description: String, levels: [Entry]) {
        self.name = name
        self.description = description
        self.levels = levels
    }
    public var templateFields: TemplateFields { ["name": name, "description": description, "levels": levels.templateList] }
}

/// `matrix`: competencies down, levels across.
public struct MatrixContext: TemplateContext {
    public var levels: [LevelSummary]
    public var rows: [Row]

    public struct Row: TemplateContext {
        public var name: String
        public var url: String
        /// The row's id on the page (`competency-impact`), which the phone's list of competencies links to.
        public var anchor: String
        public var cells: [Cell]
        public init(name: String, url: String, anchor: String, cells: [Cell]) {
            (self.name, self.url, self.anchor, self.cells) = (name, url, anchor, cells)
        }
        /// `linked` is false for the row of a track whose levels have no competencies (each level's text).
        public var templateFields: TemplateFields {
            ["name": name, "url": url, "anchor": anchor, "linked": !url.isEmpty, "cells": cells.templateList]
        }
    }

    /// One level's expectations for the row's competency; `entry` nil where the level has none.
    public struct Cell: TemplateContext {
        public var level: String
        /// The level's display name, shown above the cell when a phone stacks the row's cells (the header
        /// row is out of sight there).
        public var label: String
        public var entry: (url: String, items: [String])?
        public init(level: String, label: String, entry: (url: String, items: [String])?) {
            (self.level, self.label, self.entry) = (level, label, entry)
        }
        public var templateFields: TemplateFields {
            guard let entry else { return ["has": false, "level": level, "label": label] }
            return ["has": true, "level": level, "label": label, "url": entry.url, "items": entry.items]
        }
    }

    public init(levels: [LevelSummary], rows: [Row]) { self.levels = levels; self.rows = rows }
    public var templateFields: TemplateFields { ["levels": levels.templateList, "rows": rows.templateList] }
}

/// `compare`: two levels of a track, competency by competency, with what changes at the higher one
/// marked: reworded items word by word, new items, and the items no longer listed.
public struct CompareContext: TemplateContext {
    public var lower: LevelSummary
    public var higher: LevelSummary
    public var rows: [Row]
    public var picker: LevelPicker

    public struct Item: TemplateContext, Sendable {
        public var text: String
        public var isNew: Bool
        /// `unchanged`, `reworded`, `new` or `no-longer-listed`.
        public var change: String
        /// For a reworded item: its words, run by run.
        public var words: [Word]
        public var examples: [Example]
        public init(text: String, isNew: Bool, change: String = "", words: [Word] = [], examples: [Example] = []) {
            self.text = text
            self.isNew = isNew
            self.change = change
            self.words = words
            self.examples = examples
        }
        public var templateFields: TemplateFields {
            ["text": text, "new": isNew, "change": change, "words": words.templateList, "examples": examples.templateList]
        }
    }

    /// A run of a reworded item's words: `kind` is `same`, `added` or `removed`.
    public struct Word: TemplateContext, Sendable {
        public var text: String
        public var kind: String
        public init(text: String, kind: String) { self.text = text; self.kind = kind }
        public var templateFields: TemplateFields {
            ["text": text, "kind": kind, "added": kind == "added", "removed": kind == "removed"]
        }
    }

    public struct Example: TemplateContext, Sendable {
        public var text: String
        public var isNew: Bool
        public init(text: String, isNew: Bool) { self.text = text; self.isNew = isNew }
        public var templateFields: TemplateFields { ["text": text, "new": isNew] }
    }

    public struct Row: TemplateContext {
        public var name: String
        /// The competency's section on each level's page, when the level has one.
        public var lowerLink: Link?
        public var higherLink: Link?
        /// The items one by one, made when asked for: the default theme reads only the `*_html`, and
        /// making every item of every row was a hundredth of a 10,000-level build.
        public var items: @Sendable () -> Items
        public var lowerHTML: String
        public var higherHTML: String
        public var noLongerListedHTML = ""
        /// How many of the higher level's items are new, and whether any of the lower level's is no
        /// longer listed (known without the items).
        public var newCount: Int
        public var hasNoLongerListed: Bool
        /// "2 reworded, 1 new, 1 no longer listed".
        public var summary = ""
        public var hasChanges = true

        public struct Items: Sendable {
            public var lower: [Item]
            public var higher: [Item]
            /// The lower level's items that no item of the higher level rewords.
            public var noLongerListed: [Item]
            public init(lower: [Item], higher: [Item], noLongerListed: [Item] = []) {
                self.lower = lower
                self.higher = higher
                self.noLongerListed = noLongerListed
            }
        }

        public var lower: [Item] { items().lower }
        public var higher: [Item] { items().higher }
        public var noLongerListed: [Item] { items().noLongerListed }

        public init(name: String, lowerLink: Link?, higherLink: Link?, lower: [Item], higher: [Item],
                    noLongerListed: [Item] = [], lowerHTML: String, higherHTML: String) {
            let items = Items(lower: lower, higher: higher, noLongerListed: noLongerListed)
            self.init(name: name, lowerLink: lowerLink, higherLink: higherLink,
                      newCount: higher.reduce(0) { $0 + ($1.isNew ? 1 : 0) }, hasNoLongerListed: !noLongerListed.isEmpty,
                      items: { items }, lowerHTML: lowerHTML, higherHTML: higherHTML)
        }

        public init(name: String, lowerLink: Link?, higherLink: Link?, newCount: Int, hasNoLongerListed: Bool,
                    items: @escaping @Sendable () -> Items, lowerHTML: String, higherHTML: String) {
            self.name = name
            self.lowerLink = lowerLink
            self.higherLink = higherLink
            self.newCount = newCount
            self.hasNoLongerListed = hasNoLongerListed
            self.items = items
            self.lowerHTML = lowerHTML
            self.higherHTML = higherHTML
        }

        public var templateFields: TemplateFields {
            let items = self.items
            var dict: TemplateFields = [
                "name": name, "lower_url": lowerLink?.url ?? "", "higher_url": higherLink?.url ?? "",
                // The items one by one are for themes that lay them out their own way; the default
                // theme reads only the `*_html`, so they are made when read (`TemplateValue.Deferred`).
                "lower": TemplateValue.deferred(.init { items().lower.templateList }),
                "higher": TemplateValue.deferred(.init { items().higher.templateList }),
                "lower_html": lowerHTML, "higher_html": higherHTML,
                "new_count": newCount,
                "no_longer_listed": TemplateValue.deferred(.init { items().noLongerListed.templateList }),
                "no_longer_listed_html": noLongerListedHTML,
                "has_no_longer_listed": hasNoLongerListed,
                "summary": summary, "changed": hasChanges,
            ]
            // The cell links as small objects: inside a section on a string (`{{#lower_url}}`) every other
            // name is looked up through reflection first, which made a comparison 20% slower.
            if let lowerLink { dict["lower_link"] = lowerLink.templateFields }
            if let higherLink { dict["higher_link"] = higherLink.templateFields }
            return dict
        }
    }

    public init(lower: LevelSummary, higher: LevelSummary, rows: [Row], picker: LevelPicker) {
        self.lower = lower
        self.higher = higher
        self.rows = rows
        self.picker = picker
    }

    public var templateFields: TemplateFields {
        ["lower": lower.templateFields, "higher": higher.templateFields, "rows": rows.templateList,
         "picker": picker.templateFields]
    }
}

/// `compare` on the compare index: every pair of levels, and the picker.
public struct CompareIndexContext: TemplateContext {
    public var pairs: [Pair]
    public var picker: LevelPicker

    public struct Pair: TemplateContext {
        public var url: String
        public var lower: LevelSummary
        public var higher: LevelSummary
        public init(url: String, lower: LevelSummary, higher: LevelSummary) { self.url = url; self.lower = lower; self.higher = higher }
        public var templateFields: TemplateFields {
            ["url": url, "lower": lower.templateFields, "higher": higher.templateFields]
        }
    }

    public init(pairs: [Pair], picker: LevelPicker) { self.pairs = pairs; self.picker = picker }
    public var templateFields: TemplateFields { ["pairs": pairs.templateList, "picker": picker.templateFields] }
}

/// Two selects of a track's levels; the form goes to the compare index, whose script (or, without
/// JavaScript, whose list of every pair) leads to the chosen comparison.
public struct LevelPicker: TemplateContext {
    public var action: String
    public var lower: [Option]
    public var higher: [Option]
    /// The same options as `<option>` elements, shared by all of a track's comparisons.
    public var lowerOptionsHTML: String
    public var higherOptionsHTML: String

    public struct Option: TemplateContext, Sendable {
        public var value: String
        public var label: String
        public var selected: Bool
        public init(value: String, label: String, selected: Bool) { self.value = value; self.label = label; self.selected = selected }
        public var templateFields: TemplateFields { ["value": value, "label": label, "selected": selected] }
    }

    public init(action: String, lower: [Option], higher: [Option], lowerOptionsHTML: String, higherOptionsHTML: String) {
        self.action = action
        self.lower = lower
        self.higher = higher
        self.lowerOptionsHTML = lowerOptionsHTML
        self.higherOptionsHTML = higherOptionsHTML
    }

    public var templateFields: TemplateFields {
        // The options one by one are made when read, like a comparison's items: the default theme
        // writes the `*_options_html`, on every compare page.
        ["action": action, "lower_options_html": lowerOptionsHTML, "higher_options_html": higherOptionsHTML,
         "lower": lower.deferredList, "higher": higher.deferredList]
    }
}

/// `tag`: the pages of one tag, newest first; on `/tags/` (`name` empty) every tag.
public struct TagContext: TemplateContext {
    public var name: String
    public var pages: [Entry]

    public struct Entry: TemplateContext {
        public var title: String
        public var url: String
        public var date: String?
        public init(title: String, url: String, date: String?) { self.title = title; self.url = url; self.date = date }
        public var templateFields: TemplateFields {
            // No `date` key when there is none: an empty string is still "true" in a section.
            var entry: TemplateFields = ["title": title, "url": url]
            if let date { entry["date"] = date }
            return entry
        }
    }

    public init(name: String, pages: [Entry]) { self.name = name; self.pages = pages }
    public var templateFields: TemplateFields { ["name": name, "pages": pages.templateList] }
}

/// `search`: where the search page finds its index and scripts.
public struct SearchContext: TemplateContext {
    public var url: String
    public var indexURL: String
    public var scriptURL: String
    /// Fetched with the page rather than after the script: one round trip less to the first result.
    public var coreURL: String
    public init(url: String, indexURL: String, scriptURL: String, coreURL: String) {
        self.url = url
        self.indexURL = indexURL
        self.scriptURL = scriptURL
        self.coreURL = coreURL
    }
    public var templateFields: TemplateFields {
        ["url": url, "index_url": indexURL, "script_url": scriptURL, "core_url": coreURL]
    }
}
