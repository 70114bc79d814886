-- Where on the page or image a quote was cut (a selection on a rendered PDF page or over an OCR'd
-- image): {"x":…,"y":…,"w":…,"h":…} as JSON, in PDF points from the page's top left for a PDF
-- and in image pixels for an image; null for quotes cut from the text view or typed.
ALTER TABLE quotes ADD COLUMN region TEXT CHECK (region IS NULL OR json_valid(region));
