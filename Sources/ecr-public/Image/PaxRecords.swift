/// The records of a pax extended header: `"<length> <key>=<value>\n"` each, where length counts the whole record.
enum PaxRecords {
    /// The key-value pairs in `data`; a malformed record is an error, since it may carry the entry's real size.
    static func parse(_ data: [UInt8]) throws(TarFormatError) -> [String: String] {
        var records: [String: String] = [:]
        var index = 0
        while index < data.count, data[index] != 0 {
            guard let space = data[index...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: data[index..<space], as: UTF8.self)),
                  length > space - index, index + length <= data.count, data[index + length - 1] == UInt8(ascii: "\n")
            else { throw TarFormatError("malformed pax extended header") }
            let record = data[(space + 1)..<(index + length - 1)]
            guard let equals = record.firstIndex(of: UInt8(ascii: "=")) else {
                throw TarFormatError("malformed pax record")
            }
            records[String(decoding: record[..<equals], as: UTF8.self)] =
                String(decoding: record[(equals + 1)...], as: UTF8.self)
            index += length
        }
        return records
    }
}
