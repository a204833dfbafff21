/// IEEE 754 half precision (binary16) ⇄ `Double`, exact in both directions, without `Float16` (which Intel Macs lack).
///
/// Layout: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits.
enum CBORHalfFloat {
    /// The value of the half-precision number with bits `bits`; NaN payloads carry over.
    static func double(fromBits bits: UInt16) -> Double {
        let sign: FloatingPointSign = bits & 0x8000 == 0 ? .plus : .minus
        let exponent = Int(bits >> 10) & 0x1F
        let fraction = UInt64(bits & 0x03FF)
        switch exponent {
        case 0:  // zero and subnormals: fraction × 2⁻²⁴
            return Double(sign: sign, exponent: -24, significand: Double(fraction))
        case 0x1F where fraction == 0:
            return sign == .plus ? .infinity : -.infinity
        case 0x1F:  // NaN: the fraction's top bit (quiet) lands on Double's quiet bit
            return Double(bitPattern: UInt64(bits & 0x8000) << 48 | 0x7FF0_0000_0000_0000 | fraction << 42)
        default:  // normal: 1.fraction × 2^(exponent − 15)
            return Double(sign: sign, exponent: exponent - 25, significand: Double(1024 + fraction))
        }
    }

    /// The half-precision bits of `value` when it is exactly representable, else nil. Any NaN gives the
    /// canonical quiet NaN `0x7E00`, as RFC 8949 §4.2.2 suggests; infinities and both zeros are exact.
    static func bits(exactly value: Double) -> UInt16? {
        if value.isNaN { return 0x7E00 }
        let sign: UInt16 = value.sign == .minus ? 0x8000 : 0
        if value.isInfinite { return sign | 0x7C00 }
        if value == 0 { return sign }
        let magnitude = value.magnitude
        // Normal halves: 2⁻¹⁴ ≤ |value| ≤ 65504, with at most 11 significant bits.
        if magnitude >= 0x1p-14 {
            guard magnitude <= 65504 else { return nil }
            let exponent = Int(magnitude.exponent)  // −14…15
            let scaled = magnitude * Double(sign: .plus, exponent: 10 - exponent, significand: 1)  // 1024…2047.x
            guard scaled == scaled.rounded(.towardZero) else { return nil }
            return sign | UInt16(exponent + 15) << 10 | (UInt16(scaled) - 1024)
        }
        // Subnormal halves: |value| = k × 2⁻²⁴ with 1 ≤ k ≤ 1023.
        let scaled = magnitude * 0x1p24
        guard scaled == scaled.rounded(.towardZero), scaled >= 1 else { return nil }
        return sign | UInt16(scaled)
    }
}
