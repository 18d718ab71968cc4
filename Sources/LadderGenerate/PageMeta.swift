import Foundation
import LadderCore
import LadderModel
import LadderRender

/// "Last updated" and "Edit this page" under a page written from a Markdown file.
extension PageWriter {
    /// "Last updated" (the page's `lastmod`, else its file's last commit) and "Edit this page"
    /// (`site.yml`'s `edit_url` with `{path}` filled in, unless the page says `edit: false`).
    func addPageMeta(_ index: Int, to context: inout PageContext) {
        let page = model.pages[index]
        if let updated = page.lastmod ?? lastCommitDates[page.source.contentPath] {
            context.updated = .init(value: updated, display: strings.date(updated))
        }
        if page.showEditLink {
            context.editURL = EditLink.url(template: model.config.editURL, contentPath: page.source.contentPath)
        }
    }
}

/// `edit_url: https://github.com/acme/careers/edit/main/content/{path}` → the link for one file.
enum EditLink {
    static func url(template: String, contentPath: String) -> String? {
        guard !template.isEmpty else { return nil }
        let path = contentPath.split(separator: "/").map {
            String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0)
        }.joined(separator: "/")
        // A template without `{path}` is a folder: the file's path goes after it.
        guard template.contains("{path}") else { return template.hasSuffix("/") ? template + path : template + "/" + path }
        return template.replacingOccurrences(of: "{path}", with: path)
    }
}

/// The date of each file's last commit, from one `git log` over the content folder (not one run per
/// page: a 10,000-page site would start 10,000 processes).
enum GitDates {
    /// Content paths (`engineering/l3.md`) → `2026-03-14`. Empty when the folder is not in a git
    /// checkout or git is not installed: the pages then show no date, and nothing fails.
    /// One `git log` run in the background: started with the build and read when the pages are written,
    /// so its tens of milliseconds overlap the stages before (it was a tenth of a 1,000-page build's wall).
    final class Lookup: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        // Written once by the reading thread before `done` is signalled, read only after.
        private var dates: [String: String] = [:]

        init(contentFolder: String) {
            // Outside a checkout git only fails: do not start it (unless GIT_DIR points somewhere).
            guard ProcessInfo.processInfo.environment["GIT_DIR"] != nil || Self.inCheckout(contentFolder) else {
                done.signal()
                return
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            // Newest first; each commit is a NUL-led date line and then the files it touched, relative to
            // the content folder.
            process.arguments = ["git", "-C", contentFolder, "log", "--format=%x00%cs", "--name-only", "--relative",
                                 "--no-renames", "-z", "--", "."]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            do { try process.run() } catch { done.signal(); return }
            DispatchQueue.global().async { [self] in
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                if process.terminationStatus == 0 { dates = GitDates.parse(String(decoding: data, as: UTF8.self)) }
                done.signal()
            }
        }

        func wait() -> [String: String] {
            done.wait()
            done.signal()
            return dates
        }

        /// Whether the folder or one above it holds `.git` (a folder, or a file in a worktree).
        static func inCheckout(_ folder: String) -> Bool {
            var url = URL(fileURLWithPath: folder).standardizedFileURL
            while true {
                if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return true }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { return false }
                url = parent
            }
        }
    }

    /// `git log --format=%x00%cs --name-only -z` output → the first (newest) date of each path.
    static func parse(_ log: String) -> [String: String] {
        var dates: [String: String] = [:]
        var current: String?
        for field in log.split(separator: "\0", omittingEmptySubsequences: true) {
            let text = field.trimmingCharacters(in: .newlines)
            guard !text.isEmpty else { continue }
            if text.count == 10, text.allSatisfy({ $0.isNumber || $0 == "-" }), text.dropFirst(4).first == "-" {
                current = text
            } else if let date = current, dates[text] == nil {
                dates[text] = date
            }
        }
        return dates
    }
}
