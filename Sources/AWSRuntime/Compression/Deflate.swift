/// DEFLATE compression (RFC 1951) in one block with the fixed Huffman codes, matching repeats with LZ77 over a
/// 32 KiB window. Simple and dependency-free; request bodies compress well enough with the fixed codes.
enum Deflate {
    private static let windowSize = 32_768
    private static let minimumMatch = 3
    private static let maximumMatch = 258
    /// How many earlier positions with the same 3-byte hash are tried per position.
    private static let maximumChain = 64

    private static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83,
                                      99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5,
                                          5, 5, 0]
    private static let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
                                            11, 11, 12, 12, 13, 13]

    static func compress(_ input: [UInt8]) -> [UInt8] {
        var writer = DeflateBitWriter(capacity: input.count / 2 + 64)
        writer.write(1, width: 1)  // BFINAL: the only block
        writer.write(1, width: 2)  // BTYPE 01: fixed Huffman codes
        var head = [Int](repeating: -1, count: 1 << 15)
        var previous = [Int](repeating: -1, count: input.count)
        func hash(_ position: Int) -> Int {
            (Int(input[position]) << 10 ^ Int(input[position + 1]) << 5 ^ Int(input[position + 2])) & 0x7FFF
        }
        func insert(_ position: Int) {
            guard position + 2 < input.count else { return }
            let key = hash(position)
            previous[position] = head[key]
            head[key] = position
        }

        var position = 0
        while position < input.count {
            var bestLength = 0
            var bestDistance = 0
            if position + 2 < input.count {
                var candidate = head[hash(position)]
                var tried = 0
                while candidate >= 0, position - candidate <= windowSize, tried < maximumChain {
                    var length = 0
                    while length < maximumMatch, position + length < input.count,
                          input[candidate + length] == input[position + length] {
                        length += 1
                    }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = position - candidate
                        if length == maximumMatch { break }
                    }
                    candidate = previous[candidate]
                    tried += 1
                }
            }
            if bestLength >= minimumMatch {
                writeMatch(length: bestLength, distance: bestDistance, to: &writer)
                for offset in 0..<bestLength { insert(position + offset) }
                position += bestLength
            } else {
                writeLiteral(Int(input[position]), to: &writer)
                insert(position)
                position += 1
            }
        }
        writeLiteral(256, to: &writer)  // end of block
        writer.finish()
        return writer.bytes
    }

    /// A literal/length symbol in the fixed code: 0–143 in 8 bits, 144–255 in 9, 256–279 in 7, 280–287 in 8.
    private static func writeLiteral(_ symbol: Int, to writer: inout DeflateBitWriter) {
        switch symbol {
        case 0...143: writer.writeCode(0x30 + symbol, width: 8)
        case 144...255: writer.writeCode(0x190 + symbol - 144, width: 9)
        case 256...279: writer.writeCode(symbol - 256, width: 7)
        default: writer.writeCode(0xC0 + symbol - 280, width: 8)
        }
    }

    private static func writeMatch(length: Int, distance: Int, to writer: inout DeflateBitWriter) {
        let lengthIndex = (lengthBases.lastIndex { $0 <= length }) ?? 0
        writeLiteral(257 + lengthIndex, to: &writer)
        writer.write(length - lengthBases[lengthIndex], width: lengthExtraBits[lengthIndex])
        let distanceIndex = (distanceBases.lastIndex { $0 <= distance }) ?? 0
        writer.writeCode(distanceIndex, width: 5)
        writer.write(distance - distanceBases[distanceIndex], width: distanceExtraBits[distanceIndex])
    }
}
