//! Dutch citizen service numbers (BSN): a private business may not store one without a legal
//! basis. Values that look like one — nine digits passing the 11-test — are flagged so the user
//! confirms they are not a BSN before they are saved.

/// Whether nine digits pass the BSN 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11).
pub fn passes_eleven_test(digits: &[u8; 9]) -> bool {
    if digits.iter().all(|&d| d == 0) {
        return false;
    }
    let sum: i32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let weight = if i == 8 { -1 } else { 9 - i as i32 };
            weight * i32::from(d)
        })
        .sum();
    sum % 11 == 0
}

/// Whether `text` contains a number that looks like a BSN: nine digits (optionally written with
/// dots or spaces as 1234.56.789 or 123 456 789) passing the 11-test, not part of a longer number.
pub fn looks_like_bsn(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        // Collect a run of digits with single dot/space separators between them.
        let mut digits = Vec::new();
        let mut j = i;
        while j < chars.len() {
            let c = chars[j];
            if c.is_ascii_digit() {
                digits.push(c as u8 - b'0');
                j += 1;
            } else if (c == '.' || c == ' ')
                && j + 1 < chars.len()
                && chars[j + 1].is_ascii_digit()
                && digits.len() < 9
            {
                j += 1;
            } else {
                break;
            }
        }
        if digits.len() == 9 {
            let arr: [u8; 9] = digits.try_into().unwrap_or([0; 9]);
            if passes_eleven_test(&arr) {
                return true;
            }
        }
        i = j.max(i + 1);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_test_numbers() {
        // 111222333 is the classic example that passes the 11-test.
        assert!(looks_like_bsn("111222333"));
        assert!(looks_like_bsn("BSN: 1112.22.333 graag"));
        assert!(looks_like_bsn("111 222 333"));
        assert!(!looks_like_bsn("111222334"));
        assert!(!looks_like_bsn("000000000"));
        assert!(!looks_like_bsn("tel 0612345678"), "ten digits is a phone number");
        assert!(!looks_like_bsn("1112223330"), "part of a longer number");
        assert!(!looks_like_bsn("factuur 2026-0042, bedrag 1250"));
    }

    proptest! {
        #[test]
        fn exactly_one_check_digit_in_ten_fails_or_passes(prefix in proptest::array::uniform8(0u8..10)) {
            // For a given first eight digits at most one last digit passes the test.
            let passing = (0u8..10)
                .filter(|&d| {
                    let mut a = [0u8; 9];
                    a[..8].copy_from_slice(&prefix);
                    a[8] = d;
                    passes_eleven_test(&a)
                })
                .count();
            prop_assert!(passing <= 1);
        }
    }
}
