/// The site `ladder new` writes: small, original, and showing each way to write a ladder once.
enum StarterSite {
    static let files: [(path: String, text: String)] = [
        ("content/site.yml", """
        title: Acme Careers
        description: How engineers grow at Acme.
        # base_url: https://careers.acme.example/
        tracks:
          - id: engineering
            title: Engineering
            description: Individual contributors who build and run Acme's software.
          - id: support
            title: Support
            description: The people who answer when customers call.
        competencies:
          - name: Impact
            description: What changes because of your work.
          - name: Craft
            description: How well the work is done.
          - name: Collaboration
            description: How you work with others.

        """),
        ("content/index.md", """
        ---
        title: Careers at Acme
        ---

        # Careers at Acme

        These pages say what we expect at each level, so that growing here is no guesswork. Pick a track
        to start, or read [how levels work](/about/).

        """),
        ("content/about.md", """
        ---
        title: How levels work
        nav: about
        ---

        Each track is a ladder of levels. Each level lists what we expect, competency by competency; the
        expectations of a level include those of the levels below it.

        Every level has an **assess** page: tick what you already do, note your evidence, and share the
        link with your manager before a growth conversation.

        """),
        ("content/engineering/index.md", """
        ---
        title: Engineering
        ---

        Engineers at Acme build and run the software our customers use. Edit the files in
        `content/engineering/` to make this ladder your own; each level is one file.

        """),
        ("content/engineering/e1.md", """
        ---
        level: E1
        title: Engineer
        summary: Delivers well-defined tasks with guidance.
        ---

        ## Impact

        - Completes tasks a teammate has broken down, and says early when one is stuck.
        - Fixes bugs in code they know.

        ## Craft

        - Writes code that passes review after a round or two.
        - Adds tests for the code they change.

        ## Collaboration

        - Asks questions in the open, where others can learn from the answer.

        """),
        ("content/engineering/e2.md", """
        ---
        level: E2
        title: Senior Engineer
        summary: Owns features from idea to production.
        ---

        ## Impact

        - Delivers features of a few weeks without day-to-day guidance.
        - Fixes bugs in code they know.

        ## Craft

        - Designs changes that others can extend.
        - Adds tests for the code they change.

        ## Collaboration

        - Reviews teammates' work promptly and kindly.
        - Helps a newer engineer through their first feature.

        """),
        ("content/engineering/e3.md", """
        ---
        level: E3
        title: Staff Engineer
        summary: Sets technical direction across teams.
        ---

        ## Impact

        - Leads work that spans several teams, from proposal to rollout.
        - Finds the problems nobody has written down yet.

        ## Craft

        - Makes the systems of several teams simpler to change.

        ## Collaboration

        - Grows other engineers into senior ones.
        - Writes proposals that people outside engineering can follow.

        """),
        ("content/support.md", """
        ---
        title: Support
        track: support
        levels: headings
        ---

        A whole track in one file: each `##` heading is a level and the headings under it are its competencies.

        ## S1 Support Specialist

        Answers customers' questions from the knowledge base.

        ### Impact

        - Resolves common questions on first contact.

        ### Collaboration

        - Passes on what they cannot solve, with the details the next person needs.

        ## S2 Senior Support Specialist

        Solves the questions the knowledge base does not answer.

        ### Impact

        - Resolves unusual problems, and writes the article for the next time.

        ### Collaboration

        - Passes on what they cannot solve, with the details the next person needs.
        - Coaches new specialists on hard calls.

        """),
    ]
}
