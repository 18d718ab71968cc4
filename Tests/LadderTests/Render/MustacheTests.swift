import Testing
@testable import LadderRender

/// The theme's Mustache engine on the rules of the Mustache spec (interpolation, sections, inverted
/// sections, partials, inheritance, comments, delimiters) and on the whitespace the built-in theme relies on.
@Suite struct MustacheTests {
    /// Renders `template` (registered as `main`) with `partials` beside it.
    func render(_ template: String, _ value: [String: Any] = [:], partials: [String: String] = [:]) throws -> String {
        var library = MustacheLibrary()
        library.templates["main"] = try MustacheParser.parse(template)
        for (name, text) in partials { library.templates[name] = try MustacheParser.parse(text) }
        let context = try #require(TemplateValue(value))
        return try #require(library.render(context, template: "main"))
    }

    func syntaxError(_ template: String) -> MustacheSyntaxError? {
        do { _ = try MustacheParser.parse(template); return nil } catch { return error }
    }

    @Test func variables_are_escaped_unless_triple_or_ampersand() throws {
        let value = ["x": "<a href=\"q\">Tom & 'Jo'</a>"]
        #expect(try render("{{x}}", value) == "&lt;a href=&quot;q&quot;&gt;Tom &amp; &#39;Jo&#39;&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{& x}}", value) == "<a href=\"q\">Tom & 'Jo'</a>|<a href=\"q\">Tom & 'Jo'</a>")
        #expect(try render("{{% CONTENT_TYPE: TEXT}}\n{{x}}", value) == "<a href=\"q\">Tom & 'Jo'</a>")
    }

    @Test func numbers_flags_and_missing_names() throws {
        #expect(try render("{{n}} {{d}} {{b}} [{{missing}}] [{{a.missing}}]", ["n": 42, "d": 1.5, "b": true, "a": ["x": "y"]])
                == "42 1.5 true [] []")
    }

    @Test func dotted_names_search_the_stack_for_their_first_part_only() throws {
        let value: [String: Any] = ["a": ["b": ["c": "deep"]], "name": "outer", "item": ["title": "inner"]]
        #expect(try render("{{a.b.c}}", value) == "deep")
        // Inside `item`, `name` is found further up the stack; `item.name` is not.
        #expect(try render("{{#item}}{{title}} {{name}} [{{.name}}]{{/item}}", value) == "inner outer []")
        // `a.b` exists, so `a.b.name` is not looked for elsewhere.
        #expect(try render("[{{a.b.name}}]", value) == "[]")
    }

    @Test func sections_over_lists_flags_objects_and_strings() throws {
        let value: [String: Any] = ["list": [["n": "1"], ["n": "2"]], "names": ["x", "y"], "yes": true, "no": false,
                                    "empty": [String](), "object": ["k": "v"], "text": "t", "blank": ""]
        #expect(try render("{{#list}}<{{n}}>{{/list}}", value) == "<1><2>")
        #expect(try render("{{#names}}{{.}},{{/names}}", value) == "x,y,")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#missing}}M{{/missing}}", value) == "Y")
        #expect(try render("{{#object}}{{k}}{{/object}}|{{#text}}[{{.}}]{{/text}}|{{#blank}}[{{.}}]{{/blank}}", value) == "v|[t]|[]")
        #expect(try render("{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^missing}}M{{/missing}}{{^yes}}Y{{/yes}}{{^text}}T{{/text}}", value) == "NEM")
    }

    /// A deferred field (`TemplateValue.Deferred`) reads as the value it makes, wherever a template reads
    /// it: a variable, a section over its list, a dotted name through it, a list printed whole.
    @Test func deferred_fields_read_as_the_values_they_make() throws {
        let eager: [String: Any] = ["list": [["n": "1", "k": ["v": "a"]], ["n": "2", "k": ["v": "b"]]], "name": "outer",
                                    "empty": [String](), "object": ["k": "v"]]
        let lazy: [String: Any] = ["list": TemplateValue.deferred(.init { TemplateValue(eager["list"]!)! }),
                                   "name": TemplateValue.deferred(.init { .string("outer") }),
                                   "empty": TemplateValue.deferred(.init { .list([]) }),
                                   "object": TemplateValue.deferred(.init { .object(["k": .deferred(.init { .string("v") })]) })]
        for template in ["{{#list}}<{{n}} {{k.v}} {{name}}>{{/list}}", "{{name}}|{{object.k}}|{{#object}}{{k}}{{/object}}",
                         "{{^empty}}E{{/empty}}{{#empty}}F{{/empty}}{{^list}}L{{/list}}", "{{object}} {{empty}}",
                         "{{#list}}{{#k}}{{.v}}{{/k}}{{/list}}"] {
            #expect(try render(template, lazy) == render(template, eager), "\(template)")
        }
        // A comparison row's items, deferred, read as the eager lists did.
        let row = CompareContext.Row(name: "Impact", lowerLink: nil, higherLink: nil,
                                     lower: [.init(text: "a b", isNew: false, change: "reworded")],
                                     higher: [.init(text: "a c", isNew: false, change: "reworded",
                                                    words: [.init(text: "a", kind: "same"), .init(text: "b", kind: "removed"), .init(text: "c", kind: "added")],
                                                    examples: [.init(text: "x", isNew: true)])],
                                     lowerHTML: "", higherHTML: "")
        var library = MustacheLibrary()
        library.templates["main"] = try MustacheParser.parse(
            "{{#higher}}{{text}}:{{#words}}[{{kind}} {{text}}{{#added}}+{{/added}}]{{/words}}{{#examples}}({{text}} {{new}}){{/examples}}{{/higher}}|{{#lower}}{{change}}{{/lower}}|{{no_longer_listed}}")
        #expect(library.render(row.templateValue, template: "main") == "a c:[same a][removed b][added c+](x true)|reworded|[]")
    }

    @Test func standalone_tags_leave_no_line_behind() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a note }}\n</ul>\n"
        #expect(try render(template, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        // Not standalone: the tag shares its line with text, and the whitespace stays.
        #expect(try render("  {{#yes}}x{{/yes}}\n", ["yes": true]) == "  x\n")
        #expect(try render("a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n", ["yes": true]) == "a\r\nb\r\n")
    }

    @Test func a_standalone_partial_is_indented_line_by_line() throws {
        let partials = ["item": "<li>\n{{name}}\n</li>\n"]
        #expect(try render("<ul>\n  {{> item}}\n</ul>\n", ["name": "x"], partials: partials) == "<ul>\n  <li>\n  x\n  </li>\n</ul>\n")
        #expect(try render("<ul>{{> item}}</ul>", ["name": "x"], partials: partials) == "<ul><li>\nx\n</li>\n</ul>")
        #expect(try render("[{{> nothing}}]") == "[]")
        #expect(try render("{{>*which}}", ["which": "item", "name": "d"], partials: partials) == "<li>\nd\n</li>\n")
    }

    @Test func a_parent_renders_with_the_child_blocks_and_its_own_defaults() throws {
        let partials = ["base": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n{{> footer}}",
                        "footer": "<footer>{{$note}}plain{{/note}}</footer>\n",
                        "middle": "{{< base}}{{$title}}Middle{{/title}}{{$main}}from middle{{/main}}{{/base}}"]
        let child = "{{< base}}\n{{$main}}\n<p>{{text}}</p>\n{{/main}}\n{{$note}}noted{{/note}}\n{{/base}}\n"
        #expect(try render(child, ["text": "hi"], partials: partials)
                == "<title>Default</title>\n<main>\n<p>hi</p>\n\n</main>\n<footer>noted</footer>\n")
        // The outermost override wins over the one a parent passes on to its own parent.
        #expect(try render("{{< middle}}{{$title}}Child{{/title}}{{/middle}}", partials: partials)
                == "<title>Child</title>\n<main>\nfrom middle\n</main>\n<footer>plain</footer>\n")
    }

    @Test func delimiters_can_be_changed() throws {
        #expect(try render("{{=<% %>=}}\n<% x %> {{x}}\n<%={{ }}=%>{{x}}", ["x": "1"]) == "1 {{x}}\n1")
    }

    @Test func syntax_errors_name_the_place_and_the_fix() {
        #expect(syntaxError("a\n{{#open}}\nb") == MustacheSyntaxError(line: 2, column: 1, message: "section 'open' is never closed (add {{/open}})"))
        #expect(syntaxError("{{#a}}\n  {{/b}}")?.line == 2)
        #expect(syntaxError("{{#a}}\n  {{/b}}")?.column == 3)
        #expect(syntaxError("{{#a}}{{/b}}")?.message.contains("close that first with {{/a}}") == true)
        #expect(syntaxError("x {{/a}}")?.message == "closing tag 'a' has no open section")
        #expect(syntaxError("{{name") != nil)
        #expect(syntaxError("{{! never closed") != nil)
        #expect(syntaxError("{{upper(name)}}")?.message.contains("transforms are not supported") == true)
        #expect(syntaxError("{{< base}}{{x}}{{/base}}")?.message.contains("only blocks") == true)
        #expect(syntaxError("{{% CONTENT_TYPE: PDF}}") != nil)
        #expect(syntaxError("{{=<% %>}}") != nil)
    }
}
