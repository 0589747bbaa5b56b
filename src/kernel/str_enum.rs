//! Enums that cross every boundary as fixed strings: in the database, on the command line, in
//! JSON and in the generated TypeScript. One declaration gives the enum, its string form, the
//! list of all values and a parser whose error names the input field and the accepted values.

/// `str_enum! { /// docs  pub enum Name("field") { Variant => "text", … } }`
macro_rules! str_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident($field:literal) { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        $vis enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::kernel::error::Error;
            fn from_str(s: &str) -> $crate::kernel::error::Result<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| {
                    $crate::kernel::error::Error::invalid(
                        $field,
                        format!("expected one of: {}", [$($text),+].join(", ")),
                    )
                })
            }
        }
    };
}

pub(crate) use str_enum;
