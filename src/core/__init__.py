"""zhenggai: Chinese inspection rectification reports (巡视/巡察整改情况的通报) to records."""
