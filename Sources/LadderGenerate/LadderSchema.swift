import Foundation

/// The JSON Schema (draft 2020-12) of `/ladder.json`, written beside it.
enum LadderSchema {
    /// The schema of a site in several languages, whose `ladder.json` names its language (a site in one
    /// language keeps the schema it always had).
    static let withLanguage = text.replacingOccurrences(
        of: #""title": {"type": "string"},"#,
        with: #""title": {"type": "string"},\#n    "language": {"type": "string", "description": "The language of this ladder.json's text (a site in several languages has one per language: /de/ladder.json)."},"#,
        options: [], range: text.range(of: #""title": {"type": "string"},"#))
    static let text = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "title": "Ladder",
      "description": "A career ladder as data: tracks, their levels, each level's competencies and criteria.",
      "type": "object",
      "required": ["version", "title", "url", "tracks"],
      "additionalProperties": false,
      "properties": {
        "$schema": {"type": "string"},
        "version": {"type": "string", "pattern": "^[0-9a-f]{10}$", "description": "A hash of the ladder's content; changes when any of it does."},
        "title": {"type": "string"},
        "url": {"type": "string"},
        "tracks": {"type": "array", "items": {"$ref": "#/$defs/track"}}
      },
      "$defs": {
        "track": {
          "type": "object",
          "required": ["id", "title", "description", "url", "competencies", "levels"],
          "additionalProperties": false,
          "properties": {
            "id": {"type": "string", "minLength": 1},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "url": {"type": "string"},
            "matrix_csv": {"type": "string"},
            "competencies": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "name", "description"],
                "additionalProperties": false,
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "description": {"type": "string"}}
              }
            },
            "levels": {"type": "array", "items": {"$ref": "#/$defs/level"}},
            "shared": {"type": "array", "description": "Criteria expected at every level of the track.", "items": {"$ref": "#/$defs/criterion"}}
          }
        },
        "level": {
          "type": "object",
          "required": ["id", "title", "summary", "url", "competencies"],
          "additionalProperties": false,
          "properties": {
            "id": {"type": "string", "minLength": 1},
            "title": {"type": "string"},
            "summary": {"type": "string"},
            "url": {"type": "string"},
            "assess_url": {"type": "string"},
            "competencies": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "name", "url", "criteria"],
                "additionalProperties": false,
                "properties": {
                  "id": {"type": "string"},
                  "name": {"type": "string"},
                  "url": {"type": "string"},
                  "criteria": {"type": "array", "items": {"$ref": "#/$defs/criterion"}}
                }
              }
            }
          }
        },
        "criterion": {
          "type": "object",
          "required": ["id", "text", "examples", "url"],
          "additionalProperties": false,
          "properties": {
            "id": {"type": "string", "minLength": 1, "description": "Stable while the criterion's text is: the data's id, else a hash of its normalised text."},
            "text": {"type": "string"},
            "examples": {"type": "array", "items": {"type": "string"}},
            "url": {"type": "string", "description": "The criterion on its level page (#c-<id>), or its section for a sentence of prose."},
            "aliases": {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": true, "description": "With history: in site.yml, the ids this criterion had in earlier versions before it was reworded, newest first."}
          }
        }
      }
    }

    """#
}
