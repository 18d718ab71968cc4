/// `assess`: a self-assessment against one level (`/<track>/<level>/assess/`): its criteria by competency,
/// and the next level's new expectations in a section of their own.
public struct AssessContext: TemplateContext {
    public var level: LevelSummary
    public var competencies: [Group]
    /// Show "3 of 5" per competency (`assess: {counts: true}`).
    public var counts: Bool
    /// A hash of the criteria the page asks about; a saved assessment with another one names what changed.
    public var version: String
    public var scriptURL: String
    /// Name of the downloaded files, without extension: `engineering-l3-assessment`.
    public var fileName: String
    public var next: Next?

    public struct Criterion: TemplateContext {
        public var id: String
        /// HTML ids of the checkbox and the note (criterion ids may repeat across the page's two sections).
        public var inputID: String
        public var noteID: String
        public var text: String
        /// The criterion on its level page.
        public var url: String
        public var examples: [String]
        /// The ids the criterion had before it was reworded (`history:`), as a JSON array (`["a1b2c3d4"]`):
        /// a link made with one of them ticks this criterion. Empty without any.
        public var aliasesJSON: String
        public init(id: String, inputID: String, noteID: String, text: String, url: String, examples: [String],
                    aliasesJSON: String = "") {
            self.aliasesJSON = aliasesJSON
            self.id = id
            self.inputID = inputID
            self.noteID = noteID
            self.text = text
            self.url = url
            self.examples = examples
        }
        public var templateFields: TemplateFields {
            ["id": id, "input_id": inputID, "note_id": noteID, "text": text, "url": url,
             "examples": examples, "has_examples": !examples.isEmpty, "aliases_json": aliasesJSON, "has_aliases": !aliasesJSON.isEmpty]
        }
    }

    /// One competency: a fieldset.
    public struct Group: TemplateContext {
        public var id: String
        public var name: String
        /// The competency's section on the level page.
        public var url: String
        public var fieldsetID: String
        public var criteria: [Criterion]
        public init(id: String, name: String, url: String, fieldsetID: String, criteria: [Criterion]) {
            self.id = id
            self.name = name
            self.url = url
            self.fieldsetID = fieldsetID
            self.criteria = criteria
        }
        public var templateFields: TemplateFields {
            ["id": id, "name": name, "url": url, "fieldset_id": fieldsetID, "total": criteria.count, "criteria": criteria.templateList]
        }
    }

    /// The next level of the track and what it expects that this one does not.
    public struct Next: TemplateContext {
        public var level: LevelSummary
        public var assessURL: String
        public var competencies: [Group]
        public init(level: LevelSummary, assessURL: String, competencies: [Group]) {
            self.level = level
            self.assessURL = assessURL
            self.competencies = competencies
        }
        public var templateFields: TemplateFields {
            ["level": level.templateFields, "assess_url": assessURL, "competencies": competencies.templateList,
             "has_new": !competencies.isEmpty]
        }
    }

    public init(level: LevelSummary, competencies: [Group], counts: Bool, version: String, scriptURL: String,
                fileName: String, next: Next?) {
        self.level = level
        self.competencies = competencies
        self.counts = counts
        self.version = version
        self.scriptURL = scriptURL
        self.fileName = fileName
        self.next = next
    }

    public var templateFields: TemplateFields {
        var dict: TemplateFields = [
            "level": level.templateFields, "level_url": level.url, "competencies": competencies.templateList,
            "has_criteria": competencies.contains { !$0.criteria.isEmpty }, "counts": counts, "version": version,
            "script_url": scriptURL, "file_name": fileName,
        ]
        if let next { dict["next"] = next.templateFields }
        return dict
    }
}
