/// Terms by their UTF-8 bytes, each numbered the first time it is seen.
///
/// Counting a 10,000-page site's words through `[String: …]` hashed every word with a freshly seeded
/// SipHash and made a String of it first: that was most of the search index's time. Here a word is
/// hashed with FNV-1a over the bytes the tokenizer gathered, looked up by open addressing, and its
/// bytes are kept in one buffer; a String is made only when asked for.
struct SearchTermTable {
    private var bytes: [UInt8] = []
    /// Term `n` is `bytes[ends[n - 1] ..< ends[n]]` (from 0 for the first).
    private var ends: [Int32] = []
    private var hashes: [UInt32] = []
    /// Term number + 1 by slot; 0 is an empty slot.
    private var slots: [Int32]

    init(capacity: Int = 32) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    var count: Int { ends.count }

    /// The number of `term`, numbered now when it is new.
    mutating func number(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in term { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return number(term, hash: hash)
    }

    /// The number here of term `other` of another table, numbered now when it is new (its hash is not
    /// taken again).
    mutating func number(of other: Int, in table: SearchTermTable) -> Int32 {
        table.withBytes(other) { number($0, hash: table.hashes[other]) }
    }

    /// The number of term `other` of another table if this table has it (nothing is numbered: a reader
    /// on any core may ask while no one numbers).
    func existingNumber(of other: Int, in table: SearchTermTable) -> Int32? {
        table.withBytes(other) { term in
            let hash = table.hashes[other]
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let known = Int(entry - 1)
                if hashes[known] == hash && equals(known, term) { return Int32(known) }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func number(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let known = Int(entry - 1)
            if hashes[known] == hash && equals(known, term) { return Int32(known) }
            slot = (slot + 1) & mask
        }
        let number = Int32(ends.count)
        bytes.append(contentsOf: term)
        ends.append(Int32(bytes.count))
        hashes.append(hash)
        slots[slot] = number + 1
        // At most half full, so a probe stays short.
        if ends.count * 2 > slots.count { grow() }
        return number
    }

    func string(_ number: Int) -> String {
        String(decoding: bytes[start(number)..<Int(ends[number])], as: UTF8.self)
    }

    /// Calls `body` with the bytes of term `number`.
    func withBytes<T>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[start(number)..<Int(ends[number])]))
        }
    }

    private func start(_ number: Int) -> Int { number == 0 ? 0 : Int(ends[number - 1]) }

    private func equals(_ number: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = start(number), to = Int(ends[number])
        guard to - from == term.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            var i = 0
            while i < term.count {
                if all[from + i] != term[i] { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }
}
