from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Format(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FORMAT_UNSPECIFIED: _ClassVar[Format]
    FORMAT_TEXT: _ClassVar[Format]
    FORMAT_HTML: _ClassVar[Format]
    FORMAT_MARKDOWN: _ClassVar[Format]

class Bias(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BIAS_BALANCED: _ClassVar[Bias]
    BIAS_PRECISION: _ClassVar[Bias]
    BIAS_RECALL: _ClassVar[Bias]

class ChineseScript(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHINESE_SCRIPT_UNCHANGED: _ClassVar[ChineseScript]
    CHINESE_SCRIPT_SIMPLIFIED: _ClassVar[ChineseScript]
    CHINESE_SCRIPT_TRADITIONAL: _ClassVar[ChineseScript]

class DatePrecision(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DATE_PRECISION_UNSPECIFIED: _ClassVar[DatePrecision]
    DATE_PRECISION_YEAR: _ClassVar[DatePrecision]
    DATE_PRECISION_MONTH: _ClassVar[DatePrecision]
    DATE_PRECISION_DAY: _ClassVar[DatePrecision]
    DATE_PRECISION_MINUTE: _ClassVar[DatePrecision]
    DATE_PRECISION_SECOND: _ClassVar[DatePrecision]
FORMAT_UNSPECIFIED: Format
FORMAT_TEXT: Format
FORMAT_HTML: Format
FORMAT_MARKDOWN: Format
BIAS_BALANCED: Bias
BIAS_PRECISION: Bias
BIAS_RECALL: Bias
CHINESE_SCRIPT_UNCHANGED: ChineseScript
CHINESE_SCRIPT_SIMPLIFIED: ChineseScript
CHINESE_SCRIPT_TRADITIONAL: ChineseScript
DATE_PRECISION_UNSPECIFIED: DatePrecision
DATE_PRECISION_YEAR: DatePrecision
DATE_PRECISION_MONTH: DatePrecision
DATE_PRECISION_DAY: DatePrecision
DATE_PRECISION_MINUTE: DatePrecision
DATE_PRECISION_SECOND: DatePrecision

class ParseOptions(_message.Message):
    __slots__ = ("formats", "bias", "reference_time", "convert_chinese")
    FORMATS_FIELD_NUMBER: _ClassVar[int]
    BIAS_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_TIME_FIELD_NUMBER: _ClassVar[int]
    CONVERT_CHINESE_FIELD_NUMBER: _ClassVar[int]
    formats: _containers.RepeatedScalarFieldContainer[Format]
    bias: Bias
    reference_time: _timestamp_pb2.Timestamp
    convert_chinese: ChineseScript
    def __init__(self, formats: _Optional[_Iterable[_Union[Format, str]]] = ..., bias: _Optional[_Union[Bias, str]] = ..., reference_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., convert_chinese: _Optional[_Union[ChineseScript, str]] = ...) -> None: ...

class ParseRequest(_message.Message):
    __slots__ = ("content", "url", "content_type", "options", "id")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    content: bytes
    url: str
    content_type: str
    options: ParseOptions
    id: str
    def __init__(self, content: _Optional[bytes] = ..., url: _Optional[str] = ..., content_type: _Optional[str] = ..., options: _Optional[_Union[ParseOptions, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class Image(_message.Message):
    __slots__ = ("url", "alt", "caption", "width", "height")
    URL_FIELD_NUMBER: _ClassVar[int]
    ALT_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    url: str
    alt: str
    caption: str
    width: int
    height: int
    def __init__(self, url: _Optional[str] = ..., alt: _Optional[str] = ..., caption: _Optional[str] = ..., width: _Optional[int] = ..., height: _Optional[int] = ...) -> None: ...

class LanguageShare(_message.Message):
    __slots__ = ("language", "share")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    language: str
    share: float
    def __init__(self, language: _Optional[str] = ..., share: _Optional[float] = ...) -> None: ...

class Article(_message.Message):
    __slots__ = ("title", "authors", "published_time", "published_time_precision", "published_time_text", "modified_time", "modified_time_precision", "modified_time_text", "site_name", "source", "url", "canonical_url", "description", "language", "language_confidence", "languages", "text", "html", "markdown", "images", "lead_image", "tags", "categories", "word_count", "reading_time_seconds", "fingerprint", "provenance", "editors")
    class ProvenanceEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TITLE_FIELD_NUMBER: _ClassVar[int]
    AUTHORS_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_TIME_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_TIME_PRECISION_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_TIME_TEXT_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_TIME_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_TIME_PRECISION_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_TIME_TEXT_FIELD_NUMBER: _ClassVar[int]
    SITE_NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    CANONICAL_URL_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGES_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    MARKDOWN_FIELD_NUMBER: _ClassVar[int]
    IMAGES_FIELD_NUMBER: _ClassVar[int]
    LEAD_IMAGE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    WORD_COUNT_FIELD_NUMBER: _ClassVar[int]
    READING_TIME_SECONDS_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    PROVENANCE_FIELD_NUMBER: _ClassVar[int]
    EDITORS_FIELD_NUMBER: _ClassVar[int]
    title: str
    authors: _containers.RepeatedScalarFieldContainer[str]
    published_time: _timestamp_pb2.Timestamp
    published_time_precision: DatePrecision
    published_time_text: str
    modified_time: _timestamp_pb2.Timestamp
    modified_time_precision: DatePrecision
    modified_time_text: str
    site_name: str
    source: str
    url: str
    canonical_url: str
    description: str
    language: str
    language_confidence: float
    languages: _containers.RepeatedCompositeFieldContainer[LanguageShare]
    text: str
    html: str
    markdown: str
    images: _containers.RepeatedCompositeFieldContainer[Image]
    lead_image: Image
    tags: _containers.RepeatedScalarFieldContainer[str]
    categories: _containers.RepeatedScalarFieldContainer[str]
    word_count: int
    reading_time_seconds: int
    fingerprint: str
    provenance: _containers.ScalarMap[str, str]
    editors: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, title: _Optional[str] = ..., authors: _Optional[_Iterable[str]] = ..., published_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., published_time_precision: _Optional[_Union[DatePrecision, str]] = ..., published_time_text: _Optional[str] = ..., modified_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., modified_time_precision: _Optional[_Union[DatePrecision, str]] = ..., modified_time_text: _Optional[str] = ..., site_name: _Optional[str] = ..., source: _Optional[str] = ..., url: _Optional[str] = ..., canonical_url: _Optional[str] = ..., description: _Optional[str] = ..., language: _Optional[str] = ..., language_confidence: _Optional[float] = ..., languages: _Optional[_Iterable[_Union[LanguageShare, _Mapping]]] = ..., text: _Optional[str] = ..., html: _Optional[str] = ..., markdown: _Optional[str] = ..., images: _Optional[_Iterable[_Union[Image, _Mapping]]] = ..., lead_image: _Optional[_Union[Image, _Mapping]] = ..., tags: _Optional[_Iterable[str]] = ..., categories: _Optional[_Iterable[str]] = ..., word_count: _Optional[int] = ..., reading_time_seconds: _Optional[int] = ..., fingerprint: _Optional[str] = ..., provenance: _Optional[_Mapping[str, str]] = ..., editors: _Optional[_Iterable[str]] = ...) -> None: ...

class ParseError(_message.Message):
    __slots__ = ("code", "message")
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    code: int
    message: str
    def __init__(self, code: _Optional[int] = ..., message: _Optional[str] = ...) -> None: ...

class ParseResponse(_message.Message):
    __slots__ = ("id", "article", "charset", "framing", "error")
    ID_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    CHARSET_FIELD_NUMBER: _ClassVar[int]
    FRAMING_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    id: str
    article: Article
    charset: str
    framing: str
    error: ParseError
    def __init__(self, id: _Optional[str] = ..., article: _Optional[_Union[Article, _Mapping]] = ..., charset: _Optional[str] = ..., framing: _Optional[str] = ..., error: _Optional[_Union[ParseError, _Mapping]] = ...) -> None: ...

class DetectLanguageRequest(_message.Message):
    __slots__ = ("text", "hint")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    HINT_FIELD_NUMBER: _ClassVar[int]
    text: str
    hint: str
    def __init__(self, text: _Optional[str] = ..., hint: _Optional[str] = ...) -> None: ...

class LanguageGuess(_message.Message):
    __slots__ = ("language", "confidence")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    language: str
    confidence: float
    def __init__(self, language: _Optional[str] = ..., confidence: _Optional[float] = ...) -> None: ...

class DetectLanguageResponse(_message.Message):
    __slots__ = ("language", "confidence", "candidates", "reliable")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    RELIABLE_FIELD_NUMBER: _ClassVar[int]
    language: str
    confidence: float
    candidates: _containers.RepeatedCompositeFieldContainer[LanguageGuess]
    reliable: bool
    def __init__(self, language: _Optional[str] = ..., confidence: _Optional[float] = ..., candidates: _Optional[_Iterable[_Union[LanguageGuess, _Mapping]]] = ..., reliable: bool = ...) -> None: ...
